import { createRequire } from "node:module";
import type { RedemptionsChart } from "../../core/digest/view-model.js";

const WIDTH = 960;
const HEIGHT = 480;
const FONT = "DejaVu Sans";
const require = createRequire(import.meta.url);
// Shipped with the app so text renders the same on every machine, with or without system fonts.
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) =>
  require.resolve(`dejavu-fonts-ttf/ttf/${file}`),
);

interface Charting {
  echarts: typeof import("echarts");
  Resvg: typeof import("@resvg/resvg-js").Resvg;
}

let charting: Charting | undefined;

/**
 * ECharts and resvg take a process tens of megabytes and most processes never draw a chart (a bot
 * whose channels follow no digest), so they load at the first chart. Through require: the callers
 * draw synchronously, and ECharts' CommonJS bundle loads in a fifth of the time of its ES modules
 * and with half the memory.
 */
function loadCharting(): Charting {
  if (charting) return charting;
  const echarts: typeof import("echarts") = require("echarts");
  // Without a canvas, ECharts sizes text from its own guess at a 12px sans font, which is narrower
  // than DejaVu Sans: legend entries then overlap. DejaVu Sans averages about 0.6em per character.
  echarts.setPlatformAPI({
    measureText: (text: string, font?: string) => {
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? "")?.[1] ?? 12);
      return { width: text.length * size * 0.6 };
    },
  });
  const { Resvg }: typeof import("@resvg/resvg-js") = require("@resvg/resvg-js");
  charting = { echarts, Resvg };
  return charting;
}

const shortDay = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-US", {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });

/** The chart as SVG, laid out by ECharts' server-side renderer (no DOM, no canvas). */
export function redemptionsSvg(chart: RedemptionsChart): string {
  const { echarts } = loadCharting();
  const instance = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height: HEIGHT });
  try {
    instance.setOption({
      animation: false,
      backgroundColor: "#ffffff",
      textStyle: { fontFamily: FONT, fontSize: 14 },
      title: { text: chart.title, left: 16, top: 12, textStyle: { fontFamily: FONT, fontSize: 18 } },
      legend: { bottom: 8, left: 16, right: 16, textStyle: { fontFamily: FONT, fontSize: 13 } },
      grid: { left: 56, right: 32, top: 56, bottom: 96 },
      xAxis: { type: "category", data: chart.days.map(shortDay), axisLabel: { fontFamily: FONT } },
      yAxis: { type: "value", minInterval: 1, axisLabel: { fontFamily: FONT } },
      series: chart.series.map((series, index) => ({
        name: series.name,
        type: "line",
        data: series.values,
        showSymbol: chart.days.length <= 31,
        lineStyle: { width: index === 0 ? 3 : 2 },
        ...(index === 0 && { areaStyle: { opacity: 0.08 } }),
      })),
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/** The chart as a PNG for chat: Slack and Teams show PNG inline, not SVG. */
export function redemptionsPng(chart: RedemptionsChart): Buffer {
  const { Resvg } = loadCharting();
  const resvg = new Resvg(redemptionsSvg(chart), {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT },
    background: "#ffffff",
  });
  return resvg.render().asPng();
}
