// Styles of the dataset page's chart (served in the one theme stylesheet, after the design system's). The mean
// line is dark blue on white (over 3:1), the minimum-maximum band a light blue with grey edges.
export const CHART_STYLES = `
.chart-section [hidden] {
  display: none !important;
}
.chart-form {
  display: flex;
  flex-wrap: wrap;
  align-items: flex-end;
  gap: 0 1rem;
}
.chart-field {
  flex: 0 1 12rem;
  min-width: 0;
}
.chart-field--series {
  flex: 1 1 18rem;
}
.chart-field .usa-select {
  max-width: 100%;
}
.chart-field .usa-button {
  margin-top: 0.5rem;
}
.chart-chosen {
  margin: 1rem 0 0.5rem;
}
.chart-summary {
  margin: 0 0 0.5rem;
  font-weight: 600;
}
.chart-canvas {
  width: 100%;
  overflow: hidden;
}
.chart-legend {
  display: flex;
  flex-wrap: wrap;
  gap: 0.25rem 1.5rem;
  margin: 0.5rem 0;
  font-size: 0.9rem;
}
.chart-key {
  display: inline-block;
  width: 1.5rem;
  height: 0.75rem;
  vertical-align: middle;
}
.chart-key--mean {
  height: 0;
  border-top: 3px solid #1a4480;
}
.chart-key--range {
  background: rgba(35, 120, 195, 0.18);
  border-top: 1px solid #71767a;
  border-bottom: 1px solid #71767a;
}
.chart-table summary {
  cursor: pointer;
  font-weight: 600;
  margin: 0.5rem 0;
}
.chart-table caption {
  text-align: left;
}
`;
