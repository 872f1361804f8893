// Styles of the departments pages (served in the one theme stylesheet, after the design system's).
export const DEPARTMENTS_STYLES = `
.departments .usa-intro,
.department .usa-intro {
  font-family: inherit;
}
.department-list {
  margin: 1.5rem 0 2rem;
  padding: 0;
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr));
  gap: 1rem;
}
@media (max-width: 30em) {
  .department-list {
    grid-template-columns: minmax(0, 1fr);
  }
}
.department-item {
  border: 1px solid var(--line);
  border-top: 0.35rem solid var(--brand);
  border-radius: 0.25rem;
  padding: 1rem 1.25rem;
}
.department-item__name {
  font-size: 1.2rem;
  margin: 0 0 0.25rem;
}
.department-item__count {
  margin: 0 0 0.5rem;
  font-weight: 700;
}
.department-item__description {
  margin: 0 0 0.5rem;
}
.department-contact,
.steward__contact {
  margin: 0;
  padding: 0;
  overflow-wrap: anywhere;
}
.contact__label {
  color: var(--muted);
}
.department__about {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
  gap: 1.5rem;
  align-items: start;
  margin: 1.5rem 0;
}
.department__about .usa-summary-box__heading,
.department__stewards h2 {
  margin-top: 0;
}
.steward-list {
  margin: 0;
  padding: 0;
}
.steward {
  padding: 0.5rem 0;
  border-bottom: 1px solid var(--line);
}
.steward__name {
  font-weight: 700;
}
.steward__count,
.department__count {
  color: var(--muted);
  font-weight: 400;
}
.department__datasets {
  margin-top: 2rem;
}
`;
