// Styles of the home pages (served in the one theme stylesheet, after the design system's).
export const HOME_STYLES = `
`;
