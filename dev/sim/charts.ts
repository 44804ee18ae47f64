// Embedded charts of the SpreadsheetApp fake: Sheet.newChart's builder (and the typed builders asColumnChart,
// asBarChart, asLineChart give), EmbeddedChart and its ContainerInfo and ChartOptions, and the Sheet methods that
// insert, list, update and remove charts. A chart is a spec kept on its sheet; nothing is drawn.
import type { ServiceEnv } from './core';
import type { Box } from './grid';
import type { CostTable } from './meter';
import type { ChartRangeState, ChartState, SheetState, SpreadsheetState } from './types';

type Facade = any;

/** Builders and a chart's getters are local objects: no time, but each call counts. */
export const CHART_BUILDER_COSTS: CostTable = { default: 0 };
export const EMBEDDED_CHART_COSTS: CostTable = { default: 0 };

export const CHART_TYPES = [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
];
export const CHART_POSITIONS = ['TOP', 'RIGHT', 'BOTTOM', 'NONE'];
const MERGE_STRATEGIES = ['MERGE_COLUMNS', 'MERGE_ROWS'];
const HIDDEN_STRATEGIES = ['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH'];

/** What the chart code needs from the spreadsheet fake. */
export interface ChartHost {
  ssState(ssId: string): SpreadsheetState;
  sheetState(ssId: string, sheetId: number): SheetState;
  range(ssId: string, sheetId: number, box: Box): Facade;
  /** The sheet and box behind a Range facade, or null when it is not one. */
  rangeBox(range: unknown): { ssId: string; sheetId: number; box: Box } | null;
}

const SPEC = Symbol('simChartSpec');

function copySpec(spec: ChartState): ChartState {
  return structuredClone(spec);
}

function blankSpec(): ChartState {
  return {
    id: null,
    type: '',
    ranges: [],
    options: {},
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
    transpose: false,
    mergeStrategy: 'MERGE_COLUMNS',
    hiddenStrategy: 'IGNORE_ROWS',
  };
}

/** The `Charts` service's enums (the chart builders of the Charts service itself are not faked). */
export function chartsService(env: ServiceEnv) {
  return env.metered(
    'Charts',
    {
      ChartType: env.enumOf('Charts.ChartType', CHART_TYPES),
      Position: env.enumOf('Charts.Position', CHART_POSITIONS),
      ChartMergeStrategy: env.enumOf('Charts.ChartMergeStrategy', MERGE_STRATEGIES),
      ChartHiddenDimensionStrategy: env.enumOf('Charts.ChartHiddenDimensionStrategy', HIDDEN_STRATEGIES),
    },
    0,
  );
}

export function embeddedCharts(env: ServiceEnv, host: ChartHost) {
  const err = env.error;
  const chartTypes = () => env.enumOf('Charts.ChartType', CHART_TYPES);

  function enumName(v: unknown, group: string, names: readonly string[], method: string): string {
    const name = v && typeof v === 'object' && 'name' in v ? String((v as { name: () => string }).name()) : '';
    if (!names.includes(name))
      throw err(`The parameters (${typeof v}) don't match the method signature for ${group}.${method}.`);
    return name;
  }

  function rangeState(ssId: string, range: unknown, method: string): ChartRangeState {
    const found = host.rangeBox(range);
    if (!found || found.ssId !== ssId)
      throw err(
        `The parameters (${typeof range}) don't match the method signature for EmbeddedChartBuilder.${method}.`,
      );
    return { sheetId: found.sheetId, ...found.box };
  }

  function rangeFacades(ssId: string, spec: ChartState) {
    return env.arr(spec.ranges.map((r) => host.range(ssId, r.sheetId, { r: r.r, c: r.c, nr: r.nr, nc: r.nc })));
  }

  function containerInfo(spec: ChartState): Facade {
    const p = { ...spec.position };
    return env.metered(
      'ContainerInfo',
      {
        getAnchorRow: () => p.row,
        getAnchorColumn: () => p.column,
        getOffsetX: () => p.offsetX,
        getOffsetY: () => p.offsetY,
      },
      0,
    );
  }

  function chartOptions(spec: ChartState): Facade {
    const options = structuredClone(spec.options);
    return env.metered(
      'ChartOptions',
      {
        get: (option: string) => (String(option) in options ? options[String(option)] : null),
      },
      0,
    );
  }

  /** A built or listed chart: a snapshot of the spec (a later change to the sheet's chart does not show here). */
  function chartFacade(ssId: string, spec: ChartState): Facade {
    const snapshot = copySpec(spec);
    const self = {
      [SPEC]: snapshot,
      getChartId: () => snapshot.id,
      getRanges: () => rangeFacades(ssId, snapshot),
      getOptions: () => chartOptions(snapshot),
      getContainerInfo: () => containerInfo(snapshot),
      getNumHeaders: () => snapshot.numHeaders,
      getTransposeRowsAndColumns: () => snapshot.transpose,
      getMergeStrategy: () => env.enumOf('Charts.ChartMergeStrategy', MERGE_STRATEGIES)[snapshot.mergeStrategy],
      getHiddenDimensionStrategy: () =>
        env.enumOf('Charts.ChartHiddenDimensionStrategy', HIDDEN_STRATEGIES)[snapshot.hiddenStrategy],
      modify: () => builderFacade(ssId, copySpec(snapshot), 'EmbeddedChartBuilder'),
    };
    return env.metered('EmbeddedChart', self, EMBEDDED_CHART_COSTS);
  }

  type Kind =
    'EmbeddedChartBuilder' | 'EmbeddedColumnChartBuilder' | 'EmbeddedBarChartBuilder' | 'EmbeddedLineChartBuilder';

  function builderFacade(ssId: string, spec: ChartState, kind: Kind): Facade {
    let proxy: Facade;
    const generic = () => builderFacade(ssId, spec, 'EmbeddedChartBuilder');
    const typed = (type: string, next: Kind) => {
      spec.type = type;
      return builderFacade(ssId, spec, next);
    };
    const common = {
      addRange: (range: unknown) => {
        spec.ranges.push(rangeState(ssId, range, 'addRange'));
        return generic();
      },
      removeRange: (range: unknown) => {
        const r = rangeState(ssId, range, 'removeRange');
        spec.ranges = spec.ranges.filter(
          (x) => !(x.sheetId === r.sheetId && x.r === r.r && x.c === r.c && x.nr === r.nr && x.nc === r.nc),
        );
        return generic();
      },
      clearRanges: () => {
        spec.ranges = [];
        return generic();
      },
      getRanges: () => rangeFacades(ssId, spec),
      setChartType: (type: unknown) => {
        spec.type = enumName(type, 'EmbeddedChartBuilder', CHART_TYPES, 'setChartType');
        return generic();
      },
      getChartType: () => (spec.type ? chartTypes()[spec.type] : null),
      getContainer: () => containerInfo(spec),
      setOption: (option: string, value: unknown) => {
        spec.options[String(option)] = structuredClone(value);
        return generic();
      },
      setPosition: (anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number) => {
        const nums = [anchorRowPos, anchorColPos, offsetX, offsetY];
        if (!nums.every((n) => Number.isInteger(n))) throw err(`Cannot find method setPosition(${nums.join(',')}).`);
        if (anchorRowPos < 1 || anchorColPos < 1) throw err('The anchor row and column must be at least 1.');
        spec.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
        return generic();
      },
      setNumHeaders: (headers: number) => {
        spec.numHeaders = Number(headers);
        return generic();
      },
      setTransposeRowsAndColumns: (transpose: boolean) => {
        spec.transpose = !!transpose;
        return generic();
      },
      setMergeStrategy: (strategy: unknown) => {
        spec.mergeStrategy = enumName(
          strategy,
          'EmbeddedChartBuilder',
          MERGE_STRATEGIES,
          'setMergeStrategy',
        ) as ChartState['mergeStrategy'];
        return generic();
      },
      setHiddenDimensionStrategy: (strategy: unknown) => {
        spec.hiddenStrategy = enumName(
          strategy,
          'EmbeddedChartBuilder',
          HIDDEN_STRATEGIES,
          'setHiddenDimensionStrategy',
        );
        return generic();
      },
      asColumnChart: () => typed('COLUMN', 'EmbeddedColumnChartBuilder'),
      asBarChart: () => typed('BAR', 'EmbeddedBarChartBuilder'),
      asLineChart: () => typed('LINE', 'EmbeddedLineChartBuilder'),
      build: () => {
        if (!spec.type) throw err('Simulator: set a chart type (setChartType or asColumnChart…) before build().');
        return chartFacade(ssId, spec);
      },
    };
    // What the typed builders add; each returns the typed builder, as the reference types say.
    const option = (name: string) => (value: unknown) => {
      spec.options[name] = structuredClone(value);
      return proxy;
    };
    const axes = {
      setTitle: option('title'),
      setXAxisTitle: option('hAxis.title'),
      setYAxisTitle: option('vAxis.title'),
      setColors: (colors: string[]) => option('colors')(env.arr(colors.map(String))),
      setBackgroundColor: option('backgroundColor'),
      setLegendPosition: (position: unknown) =>
        option('legend.position')(enumName(position, kind, CHART_POSITIONS, 'setLegendPosition').toLowerCase()),
      reverseCategories: () => option('reverseCategories')(true),
      useLogScale: () => option('vAxis.logScale')(true),
      setRange: (start: number, end: number) => {
        spec.options['vAxis.viewWindow.min'] = Number(start);
        spec.options['vAxis.viewWindow.max'] = Number(end);
        return proxy;
      },
    };
    const stacked = { setStacked: () => option('isStacked')(true) };
    if (kind === 'EmbeddedColumnChartBuilder')
      proxy = env.metered(kind, { ...common, ...axes, ...stacked }, CHART_BUILDER_COSTS);
    else if (kind === 'EmbeddedBarChartBuilder')
      proxy = env.metered(
        kind,
        { ...common, ...axes, ...stacked, reverseDirection: () => option('reverseDirection')(true) },
        CHART_BUILDER_COSTS,
      );
    else if (kind === 'EmbeddedLineChartBuilder')
      proxy = env.metered(kind, { ...common, ...axes }, CHART_BUILDER_COSTS);
    else proxy = env.metered('EmbeddedChartBuilder', common, CHART_BUILDER_COSTS);
    return proxy;
  }

  function specOf(chart: unknown, method: string): ChartState {
    const spec = chart && typeof chart === 'object' ? (chart as Record<symbol, ChartState>)[SPEC] : undefined;
    if (!spec)
      throw err(
        `The parameters (${typeof chart}) don't match the method signature for SpreadsheetApp.Sheet.${method}.`,
      );
    return spec;
  }

  function nextChartId(ss: SpreadsheetState): number {
    const used = new Set(ss.sheets.flatMap((s) => (s.charts ?? []).map((c) => c.id)));
    let id = 1_000_000 + ((env.core.seq++ * 7_919) % 899_000_000);
    while (used.has(id)) id++;
    return id;
  }

  /** The chart methods of Sheet `sheetId`. */
  function sheetMethods(ssId: string, sheetId: number) {
    const sheet = () => host.sheetState(ssId, sheetId);
    const find = (spec: ChartState, method: string) => {
      const list = sheet().charts ?? [];
      const at = spec.id === null ? -1 : list.findIndex((c) => c.id === spec.id);
      if (at < 0)
        throw err(
          `Simulator: Sheet.${method} needs a chart this sheet holds (from getCharts(), or modify().build() of one); insert a new chart with insertChart.`,
        );
      return at;
    };
    return {
      newChart: () => builderFacade(ssId, blankSpec(), 'EmbeddedChartBuilder'),
      insertChart: (chart: unknown) => {
        const spec = specOf(chart, 'insertChart');
        if (spec.id !== null && (sheet().charts ?? []).some((c) => c.id === spec.id))
          throw err(`Simulator: this chart is already in the sheet; change it with updateChart.`);
        const stored = copySpec(spec);
        stored.id = nextChartId(host.ssState(ssId));
        (sheet().charts ??= []).push(stored);
      },
      getCharts: () => env.arr((sheet().charts ?? []).map((c) => chartFacade(ssId, c))),
      updateChart: (chart: unknown) => {
        const spec = specOf(chart, 'updateChart');
        const list = sheet().charts!;
        list[find(spec, 'updateChart')] = copySpec(spec);
      },
      removeChart: (chart: unknown) => {
        const spec = specOf(chart, 'removeChart');
        sheet().charts!.splice(find(spec, 'removeChart'), 1);
      },
    };
  }

  return { sheetMethods };
}

/** Sheet method costs: inserting, updating or removing a chart is a structural change; listing them a read. */
export const SHEET_CHART_COSTS: CostTable = {
  default: 0,
  newChart: 0,
  insertChart: 300,
  updateChart: 300,
  removeChart: 300,
  getCharts: 100,
};
