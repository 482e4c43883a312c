/**
 * Atomic masses (g/mol) as pymatgen (2022.11, periodic_table.json, MIT licence) tabulates them:
 * the Materials Project computes its electrode capacities with these, not with current IUPAC
 * standard weights (e.g. Li 6.941 vs 6.94, Mo 95.94 vs 95.95, Tc 98 vs none), so re-deriving MP
 * values to 1e-6 needs them. Use composition.ts (IUPAC, mf-parser) for everything else.
 */
export const PYMATGEN_ATOMIC_MASS_G_PER_MOL: Readonly<Record<string, number>> = {
  Ac: 227, Ag: 107.8682, Al: 26.9815386, Am: 243, Ar: 39.948, As: 74.9216, At: 210, Au: 196.966569,
  B: 10.811, Ba: 137.327, Be: 9.012182, Bh: 270, Bi: 208.9804, Bk: 247, Br: 79.904, C: 12.0107, Ca: 40.078,
  Cd: 112.411, Ce: 140.116, Cf: 251, Cl: 35.453, Cm: 247, Cn: 285, Co: 58.933195, Cr: 51.9961,
  Cs: 132.9054519, Cu: 63.546, Db: 268, Ds: 281, Dy: 162.5, Er: 167.259, Es: 252, Eu: 151.964, F: 18.9984032,
  Fe: 55.845, Fl: 289, Fm: 257, Fr: 223, Ga: 69.723, Gd: 157.25, Ge: 72.64, H: 1.00794, He: 4.002602,
  Hf: 178.49, Hg: 200.59, Ho: 164.93032, Hs: 270, I: 126.90447, In: 114.818, Ir: 192.217, K: 39.0983,
  Kr: 83.798, La: 138.90547, Li: 6.941, Lr: 262, Lu: 174.967, Lv: 293, Mc: 290, Md: 258, Mg: 24.305,
  Mn: 54.938045, Mo: 95.94, Mt: 278, N: 14.0067, Na: 22.98976928, Nb: 92.90638, Nd: 144.242, Ne: 20.1797,
  Nh: 286, Ni: 58.6934, No: 259, Np: 237, O: 15.9994, Og: 2949, Os: 190.23, P: 30.973762, Pa: 231.03588,
  Pb: 207.2, Pd: 106.42, Pm: 145, Po: 210, Pr: 140.90765, Pt: 195.084, Pu: 244, Ra: 226, Rb: 85.4678,
  Re: 186.207, Rf: 267, Rg: 282, Rh: 102.9055, Rn: 220, Ru: 101.07, S: 32.065, Sb: 121.76, Sc: 44.955912,
  Se: 78.96, Sg: 269, Si: 28.0855, Sm: 150.36, Sn: 118.71, Sr: 87.62, Ta: 180.94788, Tb: 158.92535, Tc: 98,
  Te: 127.6, Th: 232.03806, Ti: 47.867, Tl: 204.3833, Tm: 168.93421, Ts: 294, U: 238.02891, V: 50.9415,
  W: 183.84, Xe: 131.293, Y: 88.90585, Yb: 173.04, Zn: 65.409, Zr: 91.224,
};
