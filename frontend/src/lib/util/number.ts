/** A count with thousands separators, the same on every computer: 150000 → "150,000". */
export function formatCount(n: number): string {
  const [int, frac] = String(Math.trunc(n) === n ? n : n.toFixed(1)).split('.')
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return frac ? `${grouped}.${frac}` : grouped
}
