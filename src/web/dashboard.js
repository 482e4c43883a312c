// cathode-kb research dashboard. Plain browser script (no build step), loaded after d3 and
// Observable Plot (UMD globals `d3`, `Plot`), all served by this server. Queries the GraphQL
// endpoint from the page's JSON config, or the one named by `?endpoint=` (e.g. a federation
// gateway exposing the same schema), one POST per panel, and draws each panel on its own: a
// failing query shows its error in its panel. Everything received is written as text (Plot text
// and titles, textContent), never as HTML.
(function () {
  'use strict';

  const config = JSON.parse(document.getElementById('dashboard-config').textContent);
  /** Key of the material highlighted in the voltage–ELF panel and left out of the second fit. */
  const CO_KEY = 'namo3-co';

  const QUERIES = {
    voltageElf: `{
  all: correlation(x: { property: "elf_max", locator: "Table I" }, y: { property: "average_voltage", kind: COMPUTED }, filter: { family: "ilmenite-namo3" }) {
    n pearsonR spearmanRho slope intercept xUnit yUnit
    points { material { key name formula } x y residual xSource { locator paper { doi } } ySource { locator paper { doi } } }
  }
  withoutCo: correlation(x: { property: "elf_max", locator: "Table I" }, y: { property: "average_voltage", kind: COMPUTED }, filter: { family: "ilmenite-namo3" }, exclude: ["${CO_KEY}"]) { n pearsonR spearmanRho slope intercept }
}`,
    coatingRetention: `{
  materials(filter: { hasCoating: true }) { edges { node { key name
    coatingEffects(properties: ["capacity_retention"]) {
      pristine { value unit conditions { cycleNumber temperatureC cRate cellType state } source { locator paper { doi } } }
      coated { value unit conditions { cycleNumber temperatureC cRate cellType } source { locator paper { doi } } }
      difference { value unit }
    }
  } } }
}`,
    tmMigration: `{
  materials(filter: { family: "li-rich-layered" }) { edges { node { key name
    structures { label state tmInLiLayerPercent source { locator paper { doi } } }
    tmMigration { reversibleFraction { value unit } migratedOnCharge { value unit } returnedOnDischarge { value unit } }
  } } }
}`,
    stability: `{
  materials(filter: { family: "ilmenite-namo3", role: CATHODE }) { edges { node { key name formula
    averageVoltage { value unit status source { locator } }
    stability { verdict summary criteria { key question answer favourable evaluated } }
  } } }
}`,
  };

  const COLORS = { accent: '#3b5bdb', highlight: '#e8590c', pristine: '#adb5bd', coated: '#0c8599', fit: '#343a40', fitAlt: '#868e96' };
  const TIP = { lineWidth: 46, fontSize: 12 };

  // ---------------------------------------------------------------- endpoint and GraphQL

  /** The endpoint as an absolute http(s) URL, or an Error saying why the parameter is unusable. */
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
  document.getElementById('endpoint').textContent = endpoint instanceof Error ? '(invalid endpoint)' : endpoint.href;

  async function graphql(query) {
    if (endpoint instanceof Error) throw endpoint;
    let response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query }),
      });
    } catch (error) {
      throw new Error(`cannot reach ${endpoint.href} (${error.message})`);
    }
    const text = await response.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`${endpoint.href} answered HTTP ${response.status} ${response.statusText} without a GraphQL response`);
    }
    if (Array.isArray(body.errors) && body.errors.length > 0) {
      throw new Error(body.errors.map((e) => e.message).join('; '));
    }
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    if (!body.data) throw new Error('the response has no data');
    return body.data;
  }

  // ---------------------------------------------------------------- formatting

  const fmt = (digits) => (value) => (value == null || Number.isNaN(value) ? '—' : d3.format(`.${digits}f`)(value).replace('-', '−'));
  const fmt3 = fmt(3);
  const fmt2 = fmt(2);
  const fmt1 = fmt(1);
  const signed1 = (value) => (value > 0 ? '+' : '') + fmt1(value);
  const unitSuffix = (unit) => (unit && unit !== '1' ? (unit === '%' ? ' %' : ` ${unit}`) : '');
  const cite = (source) => (source ? `doi:${source.paper.doi}, ${source.locator}` : 'source not stated');
  const nodes = (connection) => connection.edges.map((edge) => edge.node);

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value == null) continue;
      if (name === 'className') node.className = value;
      else node.setAttribute(name, value);
    }
    for (const child of children) if (child != null) node.append(child);
    return node;
  }

  /** "pouch full cell, 25 °C, 1C, 500 cycles" from a Conditions object. */
  function conditionLabel(conditions) {
    const parts = [];
    if (conditions.cellType) parts.push(conditions.cellType.toLowerCase().replace(/_/g, ' ').replace(/\bcylindrical (\d+)/, 'cylindrical $1'));
    if (conditions.temperatureC != null) parts.push(`${conditions.temperatureC} °C`);
    if (conditions.cRate != null) parts.push(`${conditions.cRate}C`);
    if (conditions.cycleNumber != null) parts.push(`${conditions.cycleNumber} cycle${conditions.cycleNumber === 1 ? '' : 's'}`);
    if (conditions.state) parts.push(conditions.state);
    return parts.length > 0 ? parts.join(', ') : 'conditions not stated';
  }

  // ---------------------------------------------------------------- panel 1: voltage vs ELFmax

  function drawVoltageElf(data, chart, caption, width) {
    const { all, withoutCo } = data;
    if (all.points.length === 0) return emptyPanel(chart, 'No material has both an ELFmax (Table I) and a computed average voltage.');
    const yUnit = unitSuffix(all.yUnit);
    const xLabel = `ELFmax${all.xUnit && all.xUnit !== '1' ? ` (${all.xUnit})` : ''}`;
    const points = all.points.map((p) => {
      const highlighted = p.material.key === CO_KEY;
      return {
        formula: p.material.formula,
        x: p.x,
        y: p.y,
        group: highlighted ? `${p.material.formula} (left out of the dashed fit)` : 'NaMO3',
        title: [
          `${p.material.name}`,
          `${xLabel} = ${fmt3(p.x)}  (${cite(p.xSource)})`,
          `voltage = ${fmt3(p.y)}${yUnit}  (${cite(p.ySource)})`,
          `residual from the fit: ${fmt3(p.residual)}${yUnit}`,
        ].join('\n'),
      };
    });
    const highlightedGroup = points.find((p) => p.group !== 'NaMO3')?.group;
    const groups = highlightedGroup ? ['NaMO3', highlightedGroup] : ['NaMO3'];

    const [xMin, xMax] = d3.extent(points, (p) => p.x);
    const pad = (xMax - xMin || 0.05) * 0.12;
    const x0 = xMin - pad;
    const x1 = xMax + pad;
    const line = (fit) => (fit && fit.slope != null && fit.intercept != null ? [x0, x1].map((x) => ({ x, y: fit.intercept + fit.slope * x })) : []);

    const plot = Plot.plot({
      width,
      height: 420,
      marginLeft: 52,
      marginRight: 20,
      grid: true,
      style: { fontSize: '12px' },
      x: { label: `${xLabel} →`, domain: [x0, x1] },
      y: { label: `↑ Average voltage${yUnit ? ` (${all.yUnit})` : ''}, computed`, nice: true },
      color: { domain: groups, range: [COLORS.accent, COLORS.highlight] },
      symbol: { domain: groups, range: ['circle', 'diamond2'], legend: true },
      r: { type: 'identity' },
      marks: [
        Plot.line(line(withoutCo), { x: 'x', y: 'y', stroke: COLORS.fitAlt, strokeWidth: 1.5, strokeDasharray: '6 4', ariaDescription: 'least-squares fit without Co' }),
        Plot.line(line(all), { x: 'x', y: 'y', stroke: COLORS.fit, strokeWidth: 2, ariaDescription: 'least-squares fit' }),
        Plot.dot(points, {
          x: 'x',
          y: 'y',
          fill: 'group',
          symbol: 'group',
          r: (p) => (p.group === 'NaMO3' ? 6 : 9),
          stroke: 'white',
          strokeWidth: 1.5,
          ariaLabel: 'formula',
          ariaDescription: 'materials',
          title: 'title',
          tip: TIP,
        }),
        Plot.text(points, { x: 'x', y: 'y', text: 'formula', dx: 11, textAnchor: 'start', fontSize: 12, fill: (p) => (p.group === 'NaMO3' ? '#212529' : COLORS.highlight), ariaHidden: true }),
      ],
    });
    chart.append(plot);

    const fitRow = (label, swatch, fit) =>
      el('tr', null,
        el('th', { scope: 'row' }, el('span', { className: `swatch ${swatch}`, 'aria-hidden': 'true' }), label),
        el('td', null, String(fit.n)),
        el('td', null, fmt3(fit.pearsonR)),
        el('td', null, fmt3(fit.spearmanRho)),
        el('td', null, fmt2(fit.slope)),
        el('td', null, fmt2(fit.intercept)));
    const coName = highlightedGroup ? highlightedGroup.split(' ')[0] : 'Co';
    caption.append(
      el('p', { className: 'finding' },
        `Across all ${all.n} materials r = ${fmt3(all.pearsonR)}; leaving out ${coName} it is ${fmt3(withoutCo.pearsonR)} (ρ = ${fmt3(withoutCo.spearmanRho)}, n = ${withoutCo.n}).`),
      el('table', { className: 'stats' },
        el('thead', null, el('tr', null, el('th', null, 'fit'), el('th', null, 'n'), el('th', null, 'Pearson r'), el('th', null, 'Spearman ρ'), el('th', null, `slope${yUnit ? ` (${all.yUnit})` : ''}`), el('th', null, `intercept${yUnit ? ` (${all.yUnit})` : ''}`))),
        el('tbody', null, fitRow('all materials', 'swatch-solid', all), fitRow(`without ${coName}`, 'swatch-dashed', withoutCo))),
    );
  }

  // ---------------------------------------------------------------- panel 2: coated vs pristine retention

  function drawCoatingRetention(data, chart, caption, width) {
    const coatedMaterials = nodes(data.materials).filter((m) => m.coatingEffects.length > 0);
    if (coatedMaterials.length === 0) return emptyPanel(chart, 'No coated material has a capacity retention measured under the same conditions as its pristine substrate.');
    const several = coatedMaterials.length > 1;
    const rows = [];
    const summaries = [];
    for (const material of coatedMaterials) {
      for (const effect of material.coatingEffects) {
        const condition = conditionLabel(effect.pristine.conditions);
        const group = several ? `${material.name}: ${condition}` : condition;
        for (const series of ['pristine', 'coated']) {
          const m = effect[series];
          rows.push({
            group,
            series,
            value: m.value,
            unit: m.unit,
            label: `${fmt1(m.value)}${unitSuffix(m.unit)}`,
            title: [
              `${series === 'coated' ? material.name : 'pristine substrate'}: ${fmt1(m.value)}${unitSuffix(m.unit)}`,
              condition,
              `source: ${m.source ? `doi:${m.source.paper.doi}` : 'not stated'}`,
              m.source ? `at: ${m.source.locator}` : null,
            ].filter((line) => line != null).join('\n'),
          });
        }
        summaries.push(`${material.name}: ${fmt1(effect.coated.value)}${unitSuffix(effect.coated.unit)} vs ${fmt1(effect.pristine.value)}${unitSuffix(effect.pristine.unit)} pristine (coated − pristine ${signed1(effect.difference.value)}${unitSuffix(effect.difference.unit)}) — ${condition}`);
      }
    }
    const groupCount = new Set(rows.map((r) => r.group)).size;
    const unit = rows[0].unit;
    const yMax = unit === '%' ? Math.max(100, d3.max(rows, (r) => r.value)) : d3.max(rows, (r) => r.value) * 1.15;

    const plot = Plot.plot({
      width: Math.min(width, 200 + 280 * groupCount),
      height: 380,
      marginLeft: 52,
      marginTop: 48,
      style: { fontSize: '12px' },
      fx: { label: null, padding: 0.2 },
      x: { label: null, domain: ['pristine', 'coated'], padding: 0.15 },
      y: { label: `↑ Capacity retention${unitSuffix(unit) ? ` (${unit})` : ''}`, domain: [0, yMax], grid: true },
      color: { domain: ['pristine', 'coated'], range: [COLORS.pristine, COLORS.coated] },
      marks: [
        Plot.axisFx({ anchor: 'top', lineWidth: 20, label: null, tickSize: 0, fontSize: 12, fontWeight: 600 }),
        Plot.barY(rows, {
          fx: 'group',
          x: 'series',
          y: 'value',
          fill: 'series',
          ariaLabel: (r) => `${r.series}: ${r.group}`,
          ariaDescription: 'capacity retention',
          title: 'title',
          tip: TIP,
        }),
        Plot.text(rows, { fx: 'group', x: 'series', y: 'value', text: 'label', dy: -8, fontSize: 12, fontWeight: 600, ariaHidden: true }),
        Plot.ruleY([0]),
      ],
    });
    chart.append(plot);
    caption.append(el('ul', { className: 'summary' }, ...summaries.map((s) => el('li', null, s))));
  }

  // ---------------------------------------------------------------- panel 3: TM migration

  /** 0 pristine, 1 charged, 2 discharged, 3 other (order through the first cycle). */
  function stage(state) {
    const s = (state || '').toLowerCase();
    if (s.startsWith('pristine')) return 0;
    if (/\bdischarg/.test(s)) return 2;
    if (/\bcharg/.test(s)) return 1;
    return 3;
  }

  function drawTmMigration(data, chart, caption, width) {
    const materials = nodes(data.materials).filter((m) => m.structures.some((s) => s.tmInLiLayerPercent != null));
    if (materials.length === 0) return emptyPanel(chart, 'No Li-rich layered material has refined TM-in-Li-layer fractions.');
    const several = materials.length > 1;
    const rows = materials.flatMap((m) =>
      m.structures
        .filter((s) => s.tmInLiLayerPercent != null)
        .map((s, index) => ({ material: m.name, state: (s.state || s.label).replace(/\s*\(first cycle\)$/, ''), order: stage(s.state) * 100 + index, value: s.tmInLiLayerPercent, label: s.label, source: s.source }))
        .sort((a, b) => a.order - b.order),
    );
    for (const r of rows) r.title = [r.label, `TM in Li layer: ${fmt1(r.value)} %`, `source: ${cite(r.source)}`].join('\n');
    const domain = [...new Set(rows.map((r) => r.state))];

    const plot = Plot.plot({
      width,
      height: 360,
      marginLeft: 52,
      marginRight: 40,
      marginBottom: 40,
      style: { fontSize: '12px' },
      x: { label: null, domain, padding: 0.35 },
      y: { label: '↑ TM in Li layer (%)', domain: [0, d3.max(rows, (r) => r.value) * 1.3], grid: true },
      color: several ? { legend: true } : undefined,
      marks: [
        Plot.line(rows, { x: 'state', y: 'value', z: 'material', stroke: several ? 'material' : COLORS.accent, strokeWidth: 2, marker: null, ariaHidden: true }),
        Plot.dot(rows, { x: 'state', y: 'value', fill: several ? 'material' : COLORS.accent, r: 6, stroke: 'white', strokeWidth: 1.5, ariaLabel: 'state', ariaDescription: 'TM in Li layer', title: 'title', tip: TIP }),
        Plot.text(rows, { x: 'state', y: 'value', text: (r) => `${fmt1(r.value)} %`, dy: -14, fontSize: 12, fontWeight: 600, ariaHidden: true }),
      ],
    });
    chart.append(plot);

    const lines = materials
      .filter((m) => m.tmMigration)
      .map((m) => {
        const t = m.tmMigration;
        const pp = (q) => (q.unit === '%' ? `${fmt1(q.value)} percentage points` : `${fmt1(q.value)}${unitSuffix(q.unit)}`);
        return el('p', { className: 'reversible' },
          el('strong', null, `Reversible fraction${several ? ` (${m.name})` : ''}: ${fmt1(t.reversibleFraction.value)}${unitSuffix(t.reversibleFraction.unit)}`),
          ` — ${pp(t.migratedOnCharge)} of TM moved into the Li layer on charge, ${pp(t.returnedOnDischarge)} returned on discharge.`);
      });
    if (lines.length === 0) lines.push(el('p', null, 'Reversible fraction not available (needs pristine, charged and discharged fractions).'));
    caption.append(...lines);
  }

  // ---------------------------------------------------------------- panel 4: stability table

  /** `a-b-c` as text nodes with <wbr> after each hyphen, so long keys wrap there. */
  function breakAfterHyphens(text) {
    return text.split(/(?<=-)/).flatMap((part, i) => (i === 0 ? [part] : [el('wbr'), part]));
  }

  function drawStability(data, chart) {
    const materials = nodes(data.materials);
    if (materials.length === 0) return emptyPanel(chart, 'No NaMO3 cathode found.');
    const questions = new Map();
    for (const m of materials) for (const c of m.stability.criteria) if (!questions.has(c.key)) questions.set(c.key, c.question);
    const keys = [...questions.keys()];

    const head = el('tr', null,
      el('th', { scope: 'col' }, 'material'),
      el('th', { scope: 'col', className: 'num' }, 'average voltage'),
      el('th', { scope: 'col' }, 'verdict'),
      ...keys.map((key) => el('th', { scope: 'col', className: 'criterion', title: questions.get(key) }, ...breakAfterHyphens(key))));

    const body = materials.map((m) => {
      const v = m.averageVoltage;
      const voltageTitle = `${v.status.toLowerCase()}${v.source ? ` (${v.source.locator})` : ''}`;
      const byKey = new Map(m.stability.criteria.map((c) => [c.key, c]));
      return el('tr', { 'data-material': m.key },
        el('th', { scope: 'row' }, el('span', { className: 'formula' }, m.formula), el('span', { className: 'muted' }, ` ${m.name.replace(m.formula, '').trim()}`)),
        el('td', { className: 'num', title: voltageTitle }, v.value == null ? '—' : `${fmt3(v.value)}${unitSuffix(v.unit)}`),
        el('td', { className: 'verdict', title: m.stability.summary }, el('span', { className: `badge verdict-${m.stability.verdict}` }, m.stability.verdict)),
        ...keys.map((key) => {
          const c = byKey.get(key);
          if (!c) return el('td', { className: 'criterion-cell na', title: 'not part of this assessment' }, '—');
          const mark = !c.evaluated ? '—' : c.favourable === true ? '✓' : c.favourable === false ? '✗' : '—';
          const kind = !c.evaluated ? 'na' : c.favourable === true ? 'yes' : c.favourable === false ? 'no' : 'info';
          return el('td', { className: `criterion-cell ${kind}`, title: c.answer, 'data-criterion': key }, mark);
        }));
    });
    chart.append(el('table', { className: 'verdicts' }, el('thead', null, head), el('tbody', null, ...body)));
  }

  // ---------------------------------------------------------------- panels

  function emptyPanel(chart, message) {
    chart.append(el('p', { className: 'empty' }, message));
  }

  const PANELS = [
    { id: 'voltage-elf', query: QUERIES.voltageElf, draw: drawVoltageElf },
    { id: 'coating-retention', query: QUERIES.coatingRetention, draw: drawCoatingRetention },
    { id: 'tm-migration', query: QUERIES.tmMigration, draw: drawTmMigration },
    { id: 'stability', query: QUERIES.stability, draw: drawStability },
  ];

  function showError(panel, message) {
    const section = document.getElementById(panel.id);
    section.dataset.state = 'error';
    const status = section.querySelector('.panel-status');
    status.className = 'panel-status error';
    status.setAttribute('role', 'alert');
    status.textContent = message;
  }

  function render(panel) {
    const section = document.getElementById(panel.id);
    const chart = section.querySelector('.chart');
    const caption = section.querySelector('.panel-caption');
    chart.replaceChildren();
    caption.replaceChildren();
    try {
      panel.width = chart.clientWidth;
      panel.draw(panel.data, chart, caption, Math.max(320, panel.width));
    } catch (error) {
      chart.replaceChildren();
      caption.replaceChildren();
      showError(panel, `Could not draw this panel: ${error.message}`);
      return;
    }
    section.querySelector('.panel-status').hidden = true;
    section.dataset.state = 'ready';
  }

  for (const panel of PANELS) {
    graphql(panel.query).then(
      (data) => {
        panel.data = data;
        render(panel);
      },
      (error) => showError(panel, `Query failed: ${error.message}`),
    );
  }

  // Redraw at the new width (charts only; the table reflows by itself).
  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      for (const panel of PANELS) {
        if (panel.data && panel.id !== 'stability' && document.getElementById(panel.id).dataset.state === 'ready') {
          if (document.getElementById(panel.id).querySelector('.chart').clientWidth !== panel.width) render(panel);
        }
      }
    }, 150);
  });
})();
