// Styles of the content pages (served in the one theme stylesheet, after the design system's).
export const CONTENT_STYLES = `
`;
