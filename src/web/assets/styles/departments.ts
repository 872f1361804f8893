// Styles of the departments pages (served in the one theme stylesheet, after the design system's).
export const DEPARTMENTS_STYLES = `
`;
