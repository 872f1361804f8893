// Styles of the dataset pages (served in the one theme stylesheet, after the design system's).
export const DATASET_STYLES = `
`;
