// Styles of the developers pages (served in the one theme stylesheet, after the design system's).
export const DEVELOPERS_STYLES = `
`;
