// Styles of the catalog pages (served in the one theme stylesheet, after the design system's).
export const CATALOG_STYLES = `
`;
