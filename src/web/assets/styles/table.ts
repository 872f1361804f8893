// Styles of the table pages (served in the one theme stylesheet, after the design system's).
export const TABLE_STYLES = `
`;
