// Styles of the map pages (served in the one theme stylesheet, after the design system's).
export const MAP_STYLES = `
`;
