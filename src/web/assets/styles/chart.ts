// Styles of the chart pages (served in the one theme stylesheet, after the design system's).
export const CHART_STYLES = `
`;
