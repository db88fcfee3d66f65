// A check of an Open Referral UK 3.0 page of services, written here from the
// UK profile's schema (its required fields, enums and formats) and kept apart
// from the app's own code, so the app's export is judged by something it did
// not write. Returns every problem found, as "path: what is wrong".

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]\d{2}:\d{2})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URI = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;

// Each kind of object: its required fields, enums, and the objects inside it.
const KINDS = {
  service: {
    required: ["id", "name", "status"],
    enums: { status: ["active", "inactive", "defunct", "temporarily closed"] },
    children: {
      organization: "organization",
      schedules: "schedule",
      service_at_locations: "service_at_location",
      contacts: "contact",
      phones: "phone",
      cost_options: "cost_option",
      languages: "language",
      attributes: "attribute",
      service_areas: "any",
      funding: "any",
    },
  },
  organization: { required: ["id", "name", "description"] },
  schedule: { required: ["id"], enums: { freq: ["WEEKLY", "MONTHLY"] } },
  service_at_location: { required: ["id"], children: { location: "location" } },
  location: {
    required: ["id", "location_type"],
    enums: { location_type: ["physical", "postal", "virtual"] },
    children: { addresses: "address", accessibility: "any" },
  },
  address: {
    required: ["id", "address_1", "city", "state_province", "postal_code", "country", "address_type"],
    enums: { address_type: ["physical", "postal", "virtual"] },
  },
  contact: { required: ["id"], children: { phones: "phone" } },
  phone: { required: ["id", "number"] },
  cost_option: { required: ["id"] },
  language: { required: ["id"] },
  attribute: { required: ["id"], children: { taxonomy_term: "taxonomy_term" } },
  taxonomy_term: { required: ["id", "name", "description"] },
  any: { required: ["id"] },
};

const DATES = ["assured_date", "valid_from", "valid_to", "dtstart"];
const TIMES = ["opens_at", "closes_at"];

function checkFormats(object, path, problems) {
  for (const [key, value] of Object.entries(object)) {
    const at = `${path}.${key}`;
    if (value === "") problems.push(`${at}: empty text`);
    if (typeof value !== "string" || value === "") continue;
    if ((key === "id" || key.endsWith("_id")) && !UUID.test(value)) problems.push(`${at}: not a UUID (${value})`);
    if (DATES.includes(key) && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) problems.push(`${at}: not a date (${value})`);
    if (TIMES.includes(key) && !TIME.test(value)) problems.push(`${at}: not a time (${value})`);
    if (key.endsWith("email") && !EMAIL.test(value)) problems.push(`${at}: not an email address (${value})`);
    if (["url", "website", "uri", "schedule_link"].includes(key) && !URI.test(value)) problems.push(`${at}: not a URI (${value})`);
  }
}

function check(object, kind, path, problems) {
  if (object === null || typeof object !== "object" || Array.isArray(object)) {
    problems.push(`${path}: not an object`);
    return;
  }
  const rules = KINDS[kind];
  for (const key of rules.required) {
    if (object[key] === undefined || object[key] === null || object[key] === "") problems.push(`${path}: no ${key}`);
  }
  for (const [key, allowed] of Object.entries(rules.enums ?? {})) {
    if (object[key] !== undefined && !allowed.includes(object[key])) problems.push(`${path}.${key}: ${object[key]} is not one of ${allowed.join(", ")}`);
  }
  checkFormats(object, path, problems);
  for (const [key, child] of Object.entries(rules.children ?? {})) {
    const value = object[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) value.forEach((item, i) => check(item, child, `${path}.${key}[${i}]`, problems));
    else check(value, child, `${path}.${key}`, problems);
  }
}

/** Every problem with `page` as an Open Referral UK 3.0 page of services. */
export function problemsAsOruk3(page) {
  const problems = [];
  if (!Array.isArray(page?.contents)) return ["the page has no contents list"];
  if (page.total_items !== undefined && page.total_items < page.contents.length) problems.push("total_items is fewer than the services");
  page.contents.forEach((service, i) => check(service, "service", `contents[${i}]`, problems));
  return problems;
}
