const BARS = "▁▂▃▄▅▆▇█";

/** "▁▃▅█▆": redemptions per day in text, for when an image cannot be posted (and kept apart from the chart so text views load no renderer). */
export function sparkline(values: number[]): string {
  const top = Math.max(...values, 0);
  return values.map((value) => BARS[top === 0 ? 0 : Math.round((value / top) * (BARS.length - 1))]).join("");
}
