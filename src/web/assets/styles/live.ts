// Styles of the live pages (served in the one theme stylesheet, after the design system's).
export const LIVE_STYLES = `
`;
