// cathode-kb explorer. Plain browser script (no build step), loaded after d3 and Observable Plot
// (UMD globals `d3`, `Plot`), all served by this server. Three views, all held in the URL so a
// view can be shared: the plot (any two numeric properties or derived quantities, filtered and
// coloured), a material page (every fact with its source, every derived value with its trace) and
// a side-by-side comparison. Points come from the streaming export (GET /export/…jsonl: every row,
// no cost limit); the vocabulary, material pages and comparisons from GraphQL. Everything received
// is written as text (textContent, Plot text and titles), never as HTML.
(function () {
  'use strict';

  const config = JSON.parse(document.getElementById('explorer-config').textContent);

  // ---------------------------------------------------------------- endpoints

  function resolveEndpoint() {
    const requested = new URLSearchParams(window.location.search).get('endpoint') || config.endpoint;
    let url;
    try {
      url = new URL(requested, window.location.href);
    } catch {
      return new Error(`?endpoint=${requested} is not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return new Error(`?endpoint= must be an http(s) URL, got ${url.protocol}`);
    return url;
  }
  const endpoint = resolveEndpoint();
  const exportBase = new URL(config.exportBase, window.location.href).href.replace(/\/$/, '');

  async function graphql(query, variables) {
    if (endpoint instanceof Error) throw endpoint;
    let response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw new Error(`cannot reach ${endpoint.href} (${error.message})`);
    }
    let body;
    try {
      body = await response.json();
    } catch {
      throw new Error(`${endpoint.href} answered HTTP ${response.status} without a GraphQL response`);
    }
    if (Array.isArray(body.errors) && body.errors.length > 0) throw new Error(body.errors.map((e) => e.message).join('; '));
    if (!response.ok || !body.data) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    return body.data;
  }

  /** Rows of a JSON Lines export; a 400 carries a GraphQL-shaped error body. */
  async function exportRows(path, params) {
    const response = await fetch(`${exportBase}/${path}?${params}`);
    if (!response.ok) {
      let message = `HTTP ${response.status}`;
      try {
        message = (await response.json()).errors.map((e) => e.message).join('; ');
      } catch {
        // keep the status
      }
      throw new Error(message);
    }
    const text = await response.text();
    const rows = [];
    for (const line of text.split('\n')) if (line) rows.push(JSON.parse(line));
    return rows;
  }

  // ---------------------------------------------------------------- state in the URL

  const DEFAULTS = {
    view: 'plot',
    x: 'step:capacity',
    y: 'step:voltage',
    kind: 'ANY',
    xlog: false,
    ylog: false,
    source: '',
    sourceKind: '',
    family: '',
    ion: '',
    role: '',
    elements: '',
    colour: 'source',
    iso: true,
    key: '',
    compare: '',
  };
  const BOOLEAN = new Set(['xlog', 'ylog', 'iso']);

  function readState() {
    const params = new URLSearchParams(window.location.search);
    const state = { ...DEFAULTS };
    for (const name of Object.keys(DEFAULTS)) {
      if (!params.has(name)) continue;
      const value = params.get(name);
      state[name] = BOOLEAN.has(name) ? value === '1' : value;
    }
    return state;
  }

  function stateUrl(state) {
    const params = new URLSearchParams();
    const keep = new URLSearchParams(window.location.search).get('endpoint');
    if (keep) params.set('endpoint', keep);
    for (const [name, value] of Object.entries(state)) {
      if (value === DEFAULTS[name]) continue;
      params.set(name, BOOLEAN.has(name) ? (value ? '1' : '0') : value);
    }
    const query = params.toString();
    return `${window.location.pathname}${query ? `?${query}` : ''}`;
  }

  let state = readState();

  /** New view: a history entry (Back returns); a control change: the same entry, updated. */
  function setState(changes, { push = false } = {}) {
    state = { ...state, ...changes };
    const url = stateUrl(state);
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    route();
  }

  window.addEventListener('popstate', () => {
    state = readState();
    route();
  });

  const compareKeys = () => (state.compare ? state.compare.split(',').filter(Boolean) : []);

  // ---------------------------------------------------------------- helpers

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value == null || value === false) continue;
      if (name === 'className') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    return fill(node, ...children);
  }

  /** Appends children, flattening arrays and skipping null (Node.append would print them). */
  function fill(node, ...children) {
    for (const child of children.flat(Infinity)) if (child != null && child !== false) node.append(child);
    return node;
  }

  const number = (value) => (value == null || Number.isNaN(value) ? '—' : String(Number(value.toPrecision(5))).replace('-', '−'));
  const unitSuffix = (unit) => (unit && unit !== '1' ? (unit === '%' ? ' %' : ` ${unit}`) : '');
  const withUnit = (value, unit) => (value == null ? '—' : `${number(value)}${unitSuffix(unit)}`);
  const QUALIFIER = { EQ: '', APPROX: '≈ ', LT: '< ', LE: '≤ ', GT: '> ', GE: '≥ ' };
  function factValue(f) {
    if (f.value == null) return f.textValue ?? '—';
    if (f.qualifier === 'RANGE' && f.valueMax != null) return `${number(f.value)}–${withUnit(f.valueMax, f.unit)}`;
    const uncertainty = f.uncertainty != null ? ` ± ${number(f.uncertainty)}` : '';
    return `${QUALIFIER[f.qualifier] ?? ''}${number(f.value)}${uncertainty}${unitSuffix(f.unit)}`;
  }
  const cite = (source) => {
    if (!source) return 'source not stated';
    // Database rows (Materials Project) have no paper: name the export and its record.
    if (!source.paper) return source.database ? databaseRecord(databaseLabel(databasesByKey.get(source.database.key)), source.locator) : `database record ${source.locator}`;
    return `${sourceLabel(source.paper.doi)} (doi:${source.paper.doi}), ${source.locator}`;
  };

  /** "25 °C, 0.1C, cycle 100, coin half cell" from a Conditions object or an export row's conditions. */
  function conditionsText(c) {
    if (!c) return '';
    const parts = [];
    if (c.temperatureC != null) parts.push(`${c.temperatureC} °C`);
    if (c.cRate != null) parts.push(`${c.cRate}C`);
    if (c.currentDensityMAPerG != null) parts.push(`${c.currentDensityMAPerG} mA/g`);
    if (c.voltageMinV != null || c.voltageMaxV != null) parts.push(`${c.voltageMinV ?? '?'}–${c.voltageMaxV ?? '?'} V`);
    if (c.cycleNumber != null) parts.push(`cycle ${c.cycleNumber}`);
    if (c.cellType) parts.push(c.cellType.toLowerCase().replace(/_/g, ' '));
    if (c.counterElectrode) parts.push(`vs ${c.counterElectrode}`);
    if (c.electrolyte) parts.push(c.electrolyte);
    if (c.state) parts.push(c.state);
    if (c.technique) parts.push(c.technique);
    if (c.loadingMgPerCm2 != null) parts.push(`${c.loadingMgPerCm2} mg/cm²`);
    const other = c.other ?? null;
    if (other && typeof other === 'object') for (const [k, v] of Object.entries(other)) parts.push(`${k}: ${v}`);
    return parts.join(', ');
  }

  function showStatus(node, message, kind) {
    node.hidden = !message;
    node.textContent = message || '';
    node.className = `status${kind ? ` ${kind}` : ''}`;
    node.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  }

  // ---------------------------------------------------------------- vocabulary

  /**
   * An axis reads one or more parts, each a stored property (facts export) or a derived column
   * (materials export, values in the unit named in the column); a material's values of all parts
   * are pooled, stored ones first. `params` narrows a part (e.g. to one kind of source).
   */
  const derivedAxis = (id, label, unit, column) => ({ id, label, unit, parts: [{ column }] });
  const DERIVED = [
    derivedAxis('derived:theoreticalCapacityMAhPerG', 'Theoretical capacity, one ion per formula unit (derived)', 'mAh/g', 'theoreticalCapacityMAhPerG'),
    derivedAxis('derived:averageVoltageV', 'Average voltage, from total energies or as reported (derived)', 'V', 'averageVoltageV'),
    derivedAxis('derived:specificEnergyWhPerKg', 'Specific energy, voltage × theoretical capacity (derived)', 'Wh/kg', 'specificEnergyWhPerKg'),
    derivedAxis('derived:molarMassGPerMol', 'Molar mass (derived)', 'g/mol', 'molarMassGPerMol'),
  ];
  /**
   * A voltage step's values in pymatgen's conventions (per mass of the discharged formula over the
   * step's ion range): derived for the papers' materials, and as the database prints them for its
   * electrodes (stored on the discharged material), so both sit on the same axes.
   */
  const DATABASE_ONLY = { sourceKind: 'DATABASE' };
  const STEPS = [
    { id: 'step:capacity', label: 'Gravimetric capacity of the voltage step', unit: 'mAh/g', parts: [{ column: 'stepGravimetricCapacityMAhPerG' }, { property: 'theoretical_capacity', params: DATABASE_ONLY }] },
    { id: 'step:voltage', label: 'Average voltage of the voltage step', unit: 'V', parts: [{ column: 'stepAverageVoltageV' }, { property: 'average_voltage', params: DATABASE_ONLY }] },
    { id: 'step:energy', label: 'Gravimetric energy of the voltage step', unit: 'Wh/kg', parts: [{ column: 'stepGravimetricEnergyWhPerKg' }, { property: 'specific_energy', params: DATABASE_ONLY }] },
  ];

  let vocabulary = null;
  const papersByDoi = new Map();
  const databasesByDoi = new Map();
  const databasesByKey = new Map();

  /** "Materials Project" from "Materials Project battery explorer: insertion electrodes". */
  const databaseLabel = (database) => (database ? database.name.split(':')[0].replace(/\s+battery explorer$/i, '') : 'database');
  /** A database record as a source: its battery id when it is an electrode's (mp-1076642_Na). */
  const databaseRecord = (label, locator) => `${label}, ${/_[A-Z][a-z]?$/.test(locator ?? '') ? 'battery id' : 'record'} ${locator}`;

  async function loadVocabulary() {
    const data = await graphql(`{
      propertyKeys { key label canonicalUnit valueType kind }
      families { key name }
      papers { doi title journal year authors }
      databases { key name citationDoi }
    }`);
    for (const p of data.papers) papersByDoi.set(p.doi.toLowerCase(), p);
    for (const d of data.databases) {
      databasesByDoi.set(d.citationDoi.toLowerCase(), d);
      databasesByKey.set(d.key, d);
    }
    const properties = data.propertyKeys
      .filter((p) => p.valueType === 'NUMBER')
      .map((p) => ({ id: `property:${p.key}`, label: p.label, unit: p.canonicalUnit, parts: [{ property: p.key }] }));
    vocabulary = {
      axes: new Map([...properties, ...DERIVED, ...STEPS].map((a) => [a.id, a])),
      properties,
      families: data.families,
      papers: data.papers,
      ions: config.workingIons,
      roles: config.roles,
    };
  }

  function sourceLabel(doi) {
    if (!doi) return 'unknown source';
    const database = databasesByDoi.get(doi.toLowerCase());
    if (database) return databaseLabel(database);
    const paper = papersByDoi.get(doi.toLowerCase());
    if (!paper) return doi;
    if (paper.authors.length === 0) return `${paper.journal} ${paper.year}`;
    const surname = paper.authors[0].split(' ').filter(Boolean).pop();
    return `${surname}${paper.authors.length > 1 ? ' et al.' : ''} ${paper.year}`;
  }

  // ---------------------------------------------------------------- controls

  const controls = {
    x: document.getElementById('x'),
    y: document.getElementById('y'),
    kind: document.getElementById('kind'),
    xlog: document.getElementById('xlog'),
    ylog: document.getElementById('ylog'),
    source: document.getElementById('source'),
    sourceKind: document.getElementById('sourceKind'),
    family: document.getElementById('family'),
    ion: document.getElementById('ion'),
    role: document.getElementById('role'),
    elements: document.getElementById('elements'),
    colour: document.getElementById('colour'),
    iso: document.getElementById('iso'),
  };

  function fillControls() {
    for (const select of [controls.x, controls.y]) {
      const option = (a) => el('option', { value: a.id }, `${a.label} (${a.unit === '1' ? 'dimensionless' : a.unit})`);
      select.replaceChildren(
        el('optgroup', { label: 'Voltage steps (pymatgen conventions)' }, STEPS.map(option)),
        el('optgroup', { label: 'Derived on request' }, DERIVED.map(option)),
        el('optgroup', { label: 'Stored facts' }, vocabulary.properties.map(option)),
      );
    }
    controls.source.append(...vocabulary.papers.map((p) => el('option', { value: p.doi }, `${sourceLabel(p.doi)}: ${p.title}`)));
    controls.family.append(...vocabulary.families.map((f) => el('option', { value: f.key }, f.name)));
    controls.ion.append(...vocabulary.ions.map((ion) => el('option', { value: ion }, ion)));
    controls.role.append(...vocabulary.roles.map((role) => el('option', { value: role }, role.toLowerCase().replace(/_/g, ' '))));

    const form = document.getElementById('controls');
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('change', (event) => {
      const input = event.target;
      if (!(input.name in DEFAULTS)) return;
      setState({ [input.name]: input.type === 'checkbox' ? input.checked : input.value.trim() });
    });
    document.getElementById('preset-voltage-capacity').addEventListener('click', () =>
      setState({ x: 'step:capacity', y: 'step:voltage', kind: 'ANY', xlog: false, ylog: false, iso: true, colour: 'source' }),
    );
  }

  function syncControls() {
    for (const [name, input] of Object.entries(controls)) {
      if (input.type === 'checkbox') input.checked = state[name];
      else if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === state[name])) input.value = DEFAULTS[name];
      else input.value = state[name];
    }
  }

  // ---------------------------------------------------------------- points

  /** The material filter of the state as export parameters (shortcuts of GET /export/…). */
  function materialParams() {
    const params = new URLSearchParams();
    if (state.family) params.set('family', state.family);
    if (state.ion) params.set('workingIon', state.ion);
    if (state.role) params.set('role', state.role);
    if (state.sourceKind) params.set('sourceKind', state.sourceKind);
    const elements = state.elements.split(/[\s,]+/).filter(Boolean);
    if (elements.length) params.set('elements', elements.join(','));
    return params;
  }

  const FACT_COLUMNS = ['materialKey', 'materialName', 'formula', 'family', 'workingIon', 'role', 'kind', 'value', 'unit', 'method', 'configuration', 'conditions', 'sourceDoi', 'sourceKind', 'locator'];

  function factParams(part, unit, columns = FACT_COLUMNS) {
    const params = materialParams();
    for (const [name, value] of Object.entries(part.params ?? {})) params.set(name, value);
    params.set('property', part.property);
    params.set('unit', unit);
    if (state.kind !== 'ANY') params.set('kind', state.kind);
    if (state.source) params.set('paper', state.source);
    params.set('columns', columns.join(','));
    return params;
  }

  const MATERIAL_COLUMNS = ['key', 'name', 'formula', 'family', 'workingIon', 'role', 'sourceDoi', 'sourceKind', 'locator', 'stepFormulas'];

  function derivedParams(parts) {
    const params = materialParams();
    for (const part of parts) for (const [name, value] of Object.entries(part.params ?? {})) params.set(name, value);
    if (state.source) params.set('filter', JSON.stringify({ paperDoi: state.source }));
    params.set('columns', [...MATERIAL_COLUMNS, ...parts.map((p) => p.column)].join(','));
    return params;
  }

  const cache = new Map();
  function cached(path, params) {
    const key = `${path}?${params}`;
    if (!cache.has(key)) cache.set(key, exportRows(path, params).catch((error) => { cache.delete(key); throw error; }));
    return cache.get(key);
  }

  /** material key → { material, values: [{ value, source, locator, kind, method, conditions }] } for one axis. */
  async function axisValues(axis) {
    const byKey = new Map();
    const entry = (material) => {
      if (!byKey.has(material.key)) byKey.set(material.key, { material, values: [] });
      return byKey.get(material.key);
    };
    // A part narrowed to one kind of source is left out when the filter asks for the other kind.
    const wanted = (part) => !state.sourceKind || !part.params?.sourceKind || part.params.sourceKind === state.sourceKind;
    const parts = await Promise.all(axis.parts.map((part) => !wanted(part) ? [] : cached(part.property ? 'facts.jsonl' : 'materials.jsonl', part.property ? factParams(part, axis.unit) : derivedParams([part]))));
    axis.parts.forEach((part, i) => {
      for (const r of parts[i]) {
        if (part.property) {
          if (r.value == null) continue;
          entry({ key: r.materialKey, name: r.materialName, formula: r.formula, family: r.family, workingIon: r.workingIon, role: r.role }).values.push({
            value: r.value, source: r.sourceDoi, sourceKind: r.sourceKind, locator: r.locator, kind: r.kind, method: r.method, configuration: r.configuration, conditions: r.conditions,
          });
        } else if (r[part.column] != null) {
          const step = part.column.startsWith('step') && r.stepFormulas ? ` for ${r.stepFormulas}` : '';
          entry({ key: r.key, name: r.name, formula: r.formula, family: r.family, workingIon: r.workingIon, role: r.role }).values.push({
            value: r[part.column], source: r.sourceDoi, sourceKind: r.sourceKind, locator: `derived${step} (trace on the material page)`, kind: 'DERIVED',
          });
        }
      }
    });
    return byKey;
  }

  function describeValue(axis, v, count) {
    const how = v.kind === 'COMPUTED' ? `computed${v.method ? `, ${v.method}` : ''}${v.configuration ? `, ${v.configuration}` : ''}` : v.kind === 'MEASURED' ? `measured${v.conditions ? `, ${conditionsText(v.conditions)}` : ''}` : 'derived';
    const where = v.sourceKind === 'DATABASE' ? databaseRecord(sourceLabel(v.source), v.locator) : `${sourceLabel(v.source)}, ${v.locator}`;
    return `${axis.label.replace(/ \(derived\)$/, '')} = ${withUnit(v.value, axis.unit)} (${how})\n  source: ${where}${count > 1 ? `\n  first of ${count} values; the material page lists all` : ''}`;
  }

  /** One point per material with a value on both axes (the first value of each, in database order). */
  function joinPoints(xAxis, yAxis, xs, ys) {
    const points = [];
    let missing = 0;
    let hidden = 0;
    for (const [key, xEntry] of xs) {
      const yEntry = ys.get(key);
      if (!yEntry) {
        missing += 1;
        continue;
      }
      const xv = xEntry.values[0];
      const yv = yEntry.values[0];
      if ((state.xlog && xv.value <= 0) || (state.ylog && yv.value <= 0)) {
        hidden += 1;
        continue;
      }
      const m = xEntry.material;
      const source = xv.source === yv.source ? sourceLabel(xv.source) : `${sourceLabel(xv.source)} + ${sourceLabel(yv.source)}`;
      const familyName = vocabulary.families.find((f) => f.key === m.family)?.name ?? 'no family';
      points.push({
        key,
        x: xv.value,
        y: yv.value,
        source,
        // A point is the database's when its values are (an electrode's ends carry them).
        database: xv.sourceKind === 'DATABASE' && yv.sourceKind === 'DATABASE',
        sourceKind: xv.sourceKind === 'DATABASE' && yv.sourceKind === 'DATABASE' ? sourceLabel(xv.source) : 'papers',
        family: familyName,
        ion: m.workingIon ?? 'no working ion',
        title: `${m.name} · ${m.formula}\n${describeValue(xAxis, xv, xEntry.values.length)}\n${describeValue(yAxis, yv, yEntry.values.length)}`,
      });
    }
    missing += [...ys.keys()].filter((k) => !xs.has(k)).length;
    return { points, missing, hidden };
  }

  const isCapacity = (axis) => axis.unit === 'mAh/g';
  const isVoltage = (axis) => axis.unit === 'V';

  /** Lines of constant specific energy E = V·Q (Wh/kg = V × mAh/g) over the capacity range. */
  function isoEnergyMarks(points, capacityOnX, domains) {
    const products = points.map((p) => p.x * p.y).filter((e) => e > 0);
    if (products.length === 0) return [];
    const levels = d3.ticks(d3.min(products), d3.max(products), 4).filter((e) => e > 0);
    const [q0, q1] = capacityOnX ? domains.x : domains.y;
    const lines = [];
    for (const energy of levels) {
      for (let i = 0; i <= 60; i += 1) {
        const q = q0 + ((q1 - q0) * i) / 60;
        if (q <= 0) continue;
        const v = energy / q;
        lines.push(capacityOnX ? { energy, x: q, y: v } : { energy, x: v, y: q });
      }
    }
    const inside = (p) => p.x >= domains.x[0] && p.x <= domains.x[1] && p.y >= domains.y[0] && p.y <= domains.y[1];
    const labels = levels.map((energy) => lines.filter((p) => p.energy === energy && inside(p)).pop()).filter(Boolean);
    return [
      Plot.line(lines.filter(inside), { x: 'x', y: 'y', z: 'energy', stroke: '#adb5bd', strokeDasharray: '4 3', strokeWidth: 1, ariaDescription: 'iso-specific-energy lines' }),
      Plot.text(labels, { x: 'x', y: 'y', text: (p) => `${p.energy} Wh/kg`, dy: -6, textAnchor: 'end', fill: '#868e96', fontSize: 11, ariaHidden: true }),
    ];
  }

  let drawn = null;

  async function renderPlot() {
    const section = document.getElementById('plot-view');
    const status = document.getElementById('plot-status');
    const chart = document.getElementById('chart');
    const xAxis = vocabulary.axes.get(state.x) ?? vocabulary.axes.get(DEFAULTS.x);
    const yAxis = vocabulary.axes.get(state.y) ?? vocabulary.axes.get(DEFAULTS.y);
    updateDownloads(xAxis, yAxis);
    section.dataset.state = 'loading';
    showStatus(status, 'Loading…');
    const drawing = { state: stateUrl(state) };
    drawn = drawing;
    let xs;
    let ys;
    try {
      [xs, ys] = await Promise.all([axisValues(xAxis), axisValues(yAxis)]);
    } catch (error) {
      if (drawn !== drawing) return;
      chart.replaceChildren();
      section.dataset.state = 'error';
      showStatus(status, `Could not load the points: ${error.message}`, 'error');
      return;
    }
    if (drawn !== drawing) return; // a newer state is being drawn
    const started = performance.now();
    const { points, missing, hidden } = joinPoints(xAxis, yAxis, xs, ys);
    const colourKey = { family: 'family', ion: 'ion', sourceKind: 'sourceKind' }[state.colour] ?? 'source';
    // Largest groups first, so the few literature points are drawn over thousands of database ones.
    const groupSize = d3.rollup(points, (g) => g.length, (p) => p[colourKey]);
    points.sort((a, b) => groupSize.get(b[colourKey]) - groupSize.get(a[colourKey]));
    const many = points.length > 400;
    const databasePoints = points.filter((p) => p.database);
    const paperPoints = points.filter((p) => !p.database);

    chart.replaceChildren();
    if (points.length === 0) {
      chart.append(el('p', { className: 'empty' }, `No material has values on both axes with these filters (${xs.size} with x, ${ys.size} with y).`));
    } else {
      const pad = (lo, hi, log) => (log ? [lo / 1.3, hi * 1.3] : [lo - (hi - lo || Math.abs(lo) || 1) * 0.06, hi + (hi - lo || Math.abs(lo) || 1) * 0.06]);
      const domains = { x: pad(...d3.extent(points, (p) => p.x), state.xlog), y: pad(...d3.extent(points, (p) => p.y), state.ylog) };
      const capacityVoltage = (isCapacity(xAxis) && isVoltage(yAxis)) || (isVoltage(xAxis) && isCapacity(yAxis));
      const marks = [
        ...(state.iso && capacityVoltage ? isoEnergyMarks(points, isCapacity(xAxis), domains) : []),
        // The database's electrodes as triangles under the papers' circles, on the same colour scale.
        ...[[databasePoints, 'triangle', 'database electrodes'], [paperPoints, 'circle', 'materials']].filter(([list]) => list.length > 0).map(([list, symbol, description]) =>
          Plot.dot(list, {
            x: 'x',
            y: 'y',
            fill: colourKey,
            symbol,
            r: many ? 2.5 : 5,
            fillOpacity: many ? 0.7 : 0.9,
            stroke: many ? null : 'white',
            strokeWidth: 1,
            title: 'title',
            ariaLabel: (p) => p.key,
            ariaDescription: description,
            tip: { lineWidth: 60, fontSize: 12 },
          })),
      ];
      const plot = Plot.plot({
        width: Math.max(360, chart.clientWidth),
        height: 560,
        marginLeft: 60,
        grid: true,
        style: { fontSize: '12px' },
        x: { type: state.xlog ? 'log' : 'linear', domain: domains.x, label: `${xAxis.label} (${xAxis.unit}) →` },
        y: { type: state.ylog ? 'log' : 'linear', domain: domains.y, label: `↑ ${yAxis.label} (${yAxis.unit})` },
        color: { legend: true, type: 'categorical' },
        marks,
      });
      // Plot's pointer sets `value` to the datum under the tip; a click opens it, shift-click adds it to the comparison.
      plot.addEventListener('click', (event) => {
        const point = plot.value;
        if (!point) return;
        if (event.shiftKey) addToCompare(point.key);
        else setState({ view: 'material', key: point.key }, { push: true });
      });
      chart.append(plot);
    }
    const renderMs = performance.now() - started;
    chart.dataset.points = String(points.length);
    chart.dataset.renderMs = renderMs.toFixed(1);
    const notes = [`${points.length} material${points.length === 1 ? '' : 's'} plotted${databasePoints.length ? ` (${paperPoints.length} from papers as circles, ${databasePoints.length} database electrodes as triangles)` : ''}`];
    if (missing) notes.push(`${missing} with a value on one axis only`);
    if (hidden) notes.push(`${hidden} hidden (≤ 0 on a log axis)`);
    showStatus(status, `${notes.join('; ')}.`);
    section.dataset.state = 'ready';
  }

  function updateDownloads(xAxis, yAxis) {
    const parts = [...xAxis.parts, ...yAxis.parts];
    // A voltage-step axis downloads the materials export's step columns; its part narrowed to the database's values is left out.
    const stored = parts.filter((p) => p.property && !p.params);
    const derived = parts.filter((p) => p.column);
    for (const format of ['csv', 'jsonl']) {
      const link = document.getElementById(`download-${format}`);
      let href;
      if (stored.length > 0) {
        // The facts behind the points: both stored properties, every column (value, unit, conditions, method, source, locator).
        const params = materialParams();
        params.set('property', [...new Set(stored.map((p) => p.property))].join(','));
        if (state.kind !== 'ANY') params.set('kind', state.kind);
        if (state.source) params.set('paper', state.source);
        href = `${exportBase}/facts.${format}?${params}`;
      } else {
        href = `${exportBase}/materials.${format}?${derivedParams(derived)}`;
      }
      link.href = href;
      link.title = stored.length > 0 && derived.length > 0 ? 'the stored facts of the plot; derived values come from /export/materials' : '';
    }
  }

  // ---------------------------------------------------------------- material page

  const SOURCE = 'source { locator paper { doi title year } database { key } }';
  const DERIVED_FIELDS = `quantity value unit status formula assumptions reason ${SOURCE} inputs { name value textValue unit note ${SOURCE} }`;
  const MATERIAL_QUERY = `query ExplorerMaterial($key: String!) {
    material(key: $key) {
      key name formula chemicalFormulaReduced elements workingIon role materialsProjectId description
      family { key name }
      ${SOURCE}
      substrate { key name }
      coating { key name formula morphology thicknessNm thicknessQualifier synthesisRoute infusesGrainBoundaries ${SOURCE} }
      coatedForms { key name }
      structures {
        key label formula alkaliContent spaceGroupSymbol spaceGroupNumber magneticOrdering state cationMixingPercent tmInLiLayerPercent note
        method { key }
        ${SOURCE}
        lattices { setting aA bA cA alphaDeg betaDeg gammaDeg volumeA3 formulaUnitsPerCell source { locator } }
      }
      measurements {
        id property { key label } value valueMax qualifier uncertainty unit textValue site note
        conditions { temperatureC cRate chargeCRate oneCMAPerG currentDensityMAPerG voltageMinV voltageMaxV cycleNumber cellType counterElectrode electrolyte state technique loadingMgPerCm2 other }
        ${SOURCE}
      }
      computedProperties { id property { key label } value valueMax qualifier uncertainty unit textValue site configuration note method { key functional code } ${SOURCE} }
      molarMass { ${DERIVED_FIELDS} }
      theoreticalCapacity { ${DERIVED_FIELDS} }
      averageVoltage { ${DERIVED_FIELDS} }
      specificEnergy { ${DERIVED_FIELDS} }
      voltagePairs { formulaDischarge formulaCharge averageVoltage { ${DERIVED_FIELDS} } gravimetricCapacity { ${DERIVED_FIELDS} } gravimetricEnergy { ${DERIVED_FIELDS} } }
      coatingEffects { property { label } site pristine { value unit } coated { value unit } difference { value unit } coatedBetter }
    }
  }`;

  /** Within the production cost limit with every fact's source (paper or database); further pages by cursor. */
  const SAME_FORMULA_PAGE = 25;
  async function sameFormulaMaterials(formula) {
    const materials = [];
    let after = null;
    do {
      const page = (await graphql(SAME_FORMULA_QUERY, { formula, after })).materials;
      materials.push(...page.edges.map((e) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return materials;
  }

  /** Other materials of the same reduced formula (other polymorphs, other sources), with their average voltages. */
  const SAME_FORMULA_QUERY = `query ExplorerSameFormula($formula: String!, $after: String) {
    materials(filter: { chemicalFormulaReduced: $formula }, first: ${SAME_FORMULA_PAGE}, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { key name role ${SOURCE}
        averageVoltage { value unit status ${SOURCE} }
        measurements(filter: { properties: ["average_voltage", "discharge_capacity"] }) { property { label } value unit qualifier ${SOURCE} }
        computedProperties(filter: { properties: ["average_voltage"] }) { property { label } value unit configuration method { key } ${SOURCE} }
      } }
    }
  }`;

  const materialLink = (key, text) =>
    el('a', { href: stateUrl({ ...state, view: 'material', key }), 'data-material': key, onclick: (event) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      setState({ view: 'material', key }, { push: true });
    } }, text);

  function table(headers, rows, className) {
    return el('table', { className }, el('thead', null, el('tr', null, headers.map((h) => el('th', { scope: 'col' }, h)))), el('tbody', null, rows));
  }

  function derivedBlock(d, label) {
    const value = d.status === 'UNAVAILABLE' ? `unavailable: ${d.reason ?? 'no reason given'}` : withUnit(d.value, d.unit);
    return el('details', { className: 'derived', 'data-quantity': label },
      el('summary', null, el('strong', null, label), ` ${value} `, el('span', { className: `badge status-${d.status.toLowerCase()}` }, d.status.toLowerCase())),
      el('p', null, el('code', null, d.formula)),
      d.inputs.length ? el('ul', { className: 'inputs' }, d.inputs.map((i) => el('li', null, `${i.name} = ${i.value == null ? (i.textValue ?? '—') : withUnit(i.value, i.unit)}`, i.source ? ` — ${cite(i.source)}` : '', i.note ? ` — ${i.note}` : ''))) : null,
      d.assumptions.length ? el('p', { className: 'muted' }, `Assumptions: ${d.assumptions.join('; ')}`) : null,
      d.source ? el('p', { className: 'muted' }, `Printed in ${cite(d.source)}`) : null,
    );
  }

  /** Facts grouped by property: one table per property, each row with conditions or method and source. */
  function factGroups(material) {
    const groups = new Map();
    const add = (kind, f) => {
      if (!groups.has(f.property.key)) groups.set(f.property.key, { label: f.property.label, rows: [] });
      groups.get(f.property.key).rows.push({ kind, f });
    };
    for (const m of material.measurements) add('measured', m);
    for (const c of material.computedProperties) add('computed', c);
    return [...groups.entries()].sort((a, b) => a[1].label.localeCompare(b[1].label)).map(([key, g]) =>
      el('section', { className: 'fact-group', 'data-property': key },
        el('h4', null, g.label, el('span', { className: 'muted' }, ` · ${key} · ${g.rows.length}`)),
        table(['value', 'kind', 'site', 'conditions or method', 'source'], g.rows.map(({ kind, f }) =>
          el('tr', { 'data-fact': f.id },
            el('td', { className: 'num' }, factValue(f)),
            el('td', null, kind),
            el('td', null, f.site ?? ''),
            el('td', null, kind === 'measured' ? conditionsText(f.conditions) || 'not stated' : [f.method.key, f.method.functional, f.configuration].filter(Boolean).join(', '), f.note ? el('div', { className: 'muted' }, f.note) : null),
            el('td', null, cite(f.source)))), 'facts')));
  }

  function structuresBlock(material) {
    if (material.structures.length === 0) return el('p', { className: 'muted' }, 'No structure stored.');
    return material.structures.map((s) =>
      el('section', { className: 'structure', 'data-structure': s.key },
        el('h4', null, `${s.label} · ${s.formula}`, el('span', { className: 'muted' }, ` · ${[s.spaceGroupSymbol, s.spaceGroupNumber && `No. ${s.spaceGroupNumber}`, s.magneticOrdering, s.state, s.method && s.method.key].filter(Boolean).join(' · ')}`)),
        el('p', { className: 'muted' }, [s.alkaliContent != null ? `alkali content ${s.alkaliContent}` : null, s.cationMixingPercent != null ? `cation mixing ${s.cationMixingPercent} %` : null, s.tmInLiLayerPercent != null ? `TM in Li layer ${s.tmInLiLayerPercent} %` : null, cite(s.source)].filter(Boolean).join(' · ')),
        s.lattices.length ? table(['setting', 'a (Å)', 'b (Å)', 'c (Å)', 'α (°)', 'β (°)', 'γ (°)', 'V (Å³)', 'Z', 'locator'], s.lattices.map((l) =>
          el('tr', null, el('td', null, l.setting.toLowerCase()), ...[l.aA, l.bA, l.cA, l.alphaDeg, l.betaDeg, l.gammaDeg, l.volumeA3, l.formulaUnitsPerCell].map((v) => el('td', { className: 'num' }, number(v))), el('td', null, l.source.locator))), 'lattices') : null));
  }

  function comparisonBlock(material, others) {
    const rows = [];
    for (const o of others) {
      const values = [
        ...o.computedProperties.map((c) => ({ what: `${c.property.label}, computed (${[c.method.key, c.configuration].filter(Boolean).join(', ')})`, value: withUnit(c.value, c.unit), source: c.source })),
        ...o.measurements.map((m) => ({ what: `${m.property.label}, measured`, value: factValue(m), source: m.source })),
      ];
      if (values.length === 0 && o.averageVoltage.value != null) values.push({ what: `average voltage (${o.averageVoltage.status.toLowerCase()})`, value: withUnit(o.averageVoltage.value, o.averageVoltage.unit), source: o.averageVoltage.source });
      if (values.length === 0) values.push({ what: 'no voltage or capacity stored', value: '—', source: null });
      for (const v of values) {
        rows.push(el('tr', { className: o.key === material.key ? 'this' : null },
          el('td', null, o.key === material.key ? el('strong', null, o.name) : materialLink(o.key, o.name), el('div', { className: 'muted' }, o.role.toLowerCase().replace(/_/g, ' '))),
          el('td', null, v.what), el('td', { className: 'num' }, v.value), el('td', null, v.source ? cite(v.source) : '')));
      }
    }
    return table(['material', 'what', 'value', 'source'], rows, 'comparison');
  }

  async function renderMaterial() {
    const section = document.getElementById('material-view');
    const status = document.getElementById('material-status');
    const root = document.getElementById('material');
    const fail = (message) => {
      showStatus(status, message, 'error');
      section.dataset.state = 'error';
    };
    root.replaceChildren();
    if (!state.key) return fail('No material chosen: click a point on the plot.');
    section.dataset.state = 'loading';
    showStatus(status, 'Loading…');
    const drawing = { key: state.key };
    drawn = drawing;
    let material;
    let others = [];
    try {
      material = (await graphql(MATERIAL_QUERY, { key: state.key })).material;
      if (material) others = await sameFormulaMaterials(material.chemicalFormulaReduced);
    } catch (error) {
      if (drawn === drawing) fail(`Could not load ${state.key}: ${error.message}`);
      return;
    }
    if (drawn !== drawing) return;
    if (!material) return fail(`No material with key "${state.key}".`);
    showStatus(status, '');
    const m = material;
    const inCompare = compareKeys().includes(m.key);
    fill(root,
      el('header', { className: 'material-header' },
        el('h2', { id: 'material-name' }, m.name),
        el('p', { className: 'muted' }, [m.formula, m.family?.name, m.role.toLowerCase().replace(/_/g, ' '), m.workingIon && `${m.workingIon} working ion`, m.materialsProjectId].filter(Boolean).join(' · ')),
        el('p', null, `Defined in ${cite(m.source)}.`, m.description ? ` ${m.description}` : ''),
        el('button', { type: 'button', id: 'add-to-compare', disabled: inCompare, onclick: () => addToCompare(m.key) }, inCompare ? 'In the comparison' : 'Add to compare'),
      ),
      el('h3', null, 'Derived on request, with their traces'),
      el('div', { className: 'derived-list' },
        derivedBlock(m.molarMass, 'molar mass'),
        derivedBlock(m.theoreticalCapacity, 'theoretical capacity (1 ion)'),
        derivedBlock(m.averageVoltage, 'average voltage'),
        derivedBlock(m.specificEnergy, 'specific energy (1 ion)'),
        m.voltagePairs.flatMap((p) => [
          derivedBlock(p.averageVoltage, `average voltage ${p.formulaDischarge} → ${p.formulaCharge}`),
          derivedBlock(p.gravimetricCapacity, `gravimetric capacity ${p.formulaDischarge} → ${p.formulaCharge}`),
          derivedBlock(p.gravimetricEnergy, `gravimetric energy ${p.formulaDischarge} → ${p.formulaCharge}`),
        ])),
      el('h3', null, `Stored facts (${m.measurements.length} measured, ${m.computedProperties.length} computed)`),
      m.measurements.length + m.computedProperties.length ? factGroups(m) : el('p', { className: 'muted' }, 'No fact stored.'),
      el('h3', null, 'Structures and lattices'),
      structuresBlock(m),
      el('h3', null, 'Coatings'),
      el('ul', { className: 'coatings' },
        m.coating ? el('li', null, `Coated with ${m.coating.name} (${m.coating.formula})${m.coating.thicknessNm != null ? `, ${m.coating.thicknessNm} nm` : ''}${m.coating.morphology ? `, ${m.coating.morphology}` : ''} — ${cite(m.coating.source)}`) : null,
        m.substrate ? el('li', null, 'Substrate: ', materialLink(m.substrate.key, m.substrate.name)) : null,
        m.coatedForms.map((c) => el('li', null, 'Coated form: ', materialLink(c.key, c.name))),
        !m.coating && !m.substrate && m.coatedForms.length === 0 ? el('li', { className: 'muted' }, 'No coating and no coated form.') : null),
      m.coatingEffects.length ? table(['property', 'site', 'pristine', 'coated', 'coated − pristine', 'coated better'], m.coatingEffects.map((e) =>
        el('tr', null, el('td', null, e.property.label), el('td', null, e.site ?? ''), el('td', { className: 'num' }, withUnit(e.pristine.value, e.pristine.unit)), el('td', { className: 'num' }, withUnit(e.coated.value, e.coated.unit)), el('td', { className: 'num' }, withUnit(e.difference.value, e.difference.unit)), el('td', null, e.coatedBetter == null ? '—' : e.coatedBetter ? 'yes' : 'no'))), 'coating-effects') : null,
      el('h3', { id: 'comparison-title' }, `Across sources: every material with reduced formula ${m.chemicalFormulaReduced}`),
      comparisonBlock(m, others),
    );
    document.title = `${m.name} · cathode-kb explorer`;
    section.dataset.state = 'ready';
  }

  // ---------------------------------------------------------------- compare view

  function addToCompare(key) {
    const keys = compareKeys();
    if (!keys.includes(key)) keys.push(key);
    setState({ compare: keys.join(',') });
  }

  async function renderCompare() {
    const section = document.getElementById('compare-view');
    const status = document.getElementById('compare-status');
    const root = document.getElementById('compare');
    root.replaceChildren();
    const keys = compareKeys();
    if (keys.length === 0) {
      section.dataset.state = 'ready';
      return showStatus(status, 'Nothing to compare yet: shift-click points on the plot, or use "Add to compare" on a material page.');
    }
    section.dataset.state = 'loading';
    showStatus(status, 'Loading…');
    const drawing = { compare: keys.join(',') };
    drawn = drawing;
    const fields = `key name formula role workingIon family { name } ${SOURCE}
      molarMass { value unit } theoreticalCapacity { value unit } averageVoltage { value unit status } specificEnergy { value unit }
      measurements { property { key label } value valueMax qualifier uncertainty unit textValue site conditions { temperatureC cRate cycleNumber cellType state technique voltageMinV voltageMaxV } ${SOURCE} }
      computedProperties { property { key label } value valueMax qualifier uncertainty unit textValue site configuration method { key } ${SOURCE} }`;
    const query = `query ExplorerCompare(${keys.map((_, i) => `$k${i}: String!`).join(', ')}) { ${keys.map((_, i) => `m${i}: material(key: $k${i}) { ${fields} }`).join(' ')} }`;
    let data;
    try {
      data = await graphql(query, Object.fromEntries(keys.map((k, i) => [`k${i}`, k])));
    } catch (error) {
      if (drawn === drawing) {
        showStatus(status, `Could not load the comparison: ${error.message}`, 'error');
        section.dataset.state = 'error';
      }
      return;
    }
    if (drawn !== drawing) return;
    const materials = keys.map((k, i) => ({ key: k, m: data[`m${i}`] }));
    const unknown = materials.filter((x) => !x.m).map((x) => x.key);
    const found = materials.filter((x) => x.m).map((x) => x.m);
    showStatus(status, unknown.length ? `Unknown material key${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}` : '', unknown.length ? 'error' : null);

    const derivedRows = [
      ['molar mass (derived)', (m) => m.molarMass],
      ['theoretical capacity, 1 ion (derived)', (m) => m.theoreticalCapacity],
      ['average voltage (derived or reported)', (m) => m.averageVoltage],
      ['specific energy, 1 ion (derived)', (m) => m.specificEnergy],
    ].map(([label, pick]) => el('tr', { className: 'derived-row' }, el('th', { scope: 'row' }, label), found.map((m) => el('td', { className: 'num' }, withUnit(pick(m).value, pick(m).unit)))));

    const properties = new Map();
    for (const m of found) {
      for (const f of [...m.measurements.map((x) => ({ ...x, kind: 'measured' })), ...m.computedProperties.map((x) => ({ ...x, kind: 'computed' }))]) {
        if (!properties.has(f.property.key)) properties.set(f.property.key, { label: f.property.label, byMaterial: new Map() });
        const byMaterial = properties.get(f.property.key).byMaterial;
        if (!byMaterial.has(m.key)) byMaterial.set(m.key, []);
        byMaterial.get(m.key).push(f);
      }
    }
    const factRows = [...properties.entries()].sort((a, b) => a[1].label.localeCompare(b[1].label)).map(([key, p]) =>
      el('tr', { 'data-property': key }, el('th', { scope: 'row' }, p.label),
        found.map((m) => el('td', null, (p.byMaterial.get(m.key) ?? []).map((f) =>
          el('div', { className: 'cell-fact', title: `${f.kind === 'measured' ? conditionsText(f.conditions) || 'conditions not stated' : [f.method.key, f.configuration].filter(Boolean).join(', ')}\n${cite(f.source)}` },
            factValue(f), el('span', { className: 'muted' }, `${f.site ? ` ${f.site}` : ''} · ${f.kind === 'measured' ? 'meas.' : 'comp.'} ${f.source.locator}`)))))));

    fill(root,
      el('table', { className: 'compare' },
        el('thead', null, el('tr', null, el('th', null, ''), found.map((m) => el('th', { scope: 'col', 'data-material': m.key },
          materialLink(m.key, m.name), el('div', { className: 'muted' }, [m.formula, m.family?.name, (m.source.paper ? sourceLabel(m.source.paper.doi) : m.source.database && databaseLabel(databasesByKey.get(m.source.database.key)))].filter(Boolean).join(' · ')),
          el('button', { type: 'button', className: 'remove', onclick: () => setState({ compare: compareKeys().filter((k) => k !== m.key).join(',') }) }, 'remove'))))),
        el('tbody', null, derivedRows, factRows)),
    );
    section.dataset.state = 'ready';
  }

  // ---------------------------------------------------------------- routing

  function route() {
    document.getElementById('compare-count').textContent = String(compareKeys().length);
    for (const view of ['plot', 'material', 'compare']) {
      document.getElementById(`${view}-view`).hidden = state.view !== view;
      const nav = document.getElementById(`nav-${view}`);
      if (nav) {
        nav.href = stateUrl({ ...state, view });
        nav.toggleAttribute('aria-current', state.view === view);
      }
    }
    document.getElementById('back-to-plot').href = stateUrl({ ...state, view: 'plot' });
    document.body.dataset.view = state.view;
    if (state.view === 'material') return renderMaterial();
    document.title = 'cathode-kb · explorer';
    if (state.view === 'compare') return renderCompare();
    syncControls();
    return renderPlot();
  }

  for (const link of document.querySelectorAll('nav.views a[data-view]')) {
    link.addEventListener('click', (event) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      setState({ view: link.dataset.view }, { push: true });
    });
  }
  document.getElementById('back-to-plot').addEventListener('click', (event) => {
    event.preventDefault();
    setState({ view: 'plot' }, { push: true });
  });

  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => state.view === 'plot' && renderPlot(), 200);
  });

  loadVocabulary().then(
    () => {
      fillControls();
      route();
    },
    (error) => {
      document.getElementById('plot-view').dataset.state = 'error';
      showStatus(document.getElementById('plot-status'), `Could not load the vocabulary: ${error.message}`, 'error');
    },
  );
})();
