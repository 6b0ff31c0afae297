// Words for the paging import screen (PagesPanel).

/** What each field of a page is called on screen (pages.FieldNames). */
export const FIELD_LABELS: Record<string, string> = {
  id: 'Page id',
  number: 'Number',
  title: 'Title',
  service: 'Service',
  team: 'Team',
  escalation_policy: 'Escalation policy',
  created: 'Created at',
  acknowledged: 'Acknowledged at',
  resolved: 'Resolved at',
  ack_seconds: 'Time to acknowledge',
  resolve_seconds: 'Time to resolve',
  ack_ms: 'Time to acknowledge (ms)',
  resolve_ms: 'Time to resolve (ms)',
  status: 'Status',
  urgency: 'Urgency or priority',
  ack_user: 'Acknowledged by',
  resolve_user: 'Resolved by',
  assigned: 'Assigned to',
  ignore: 'Ignore this column',
}

export function fieldLabel(f: string): string {
  return FIELD_LABELS[f] ?? f
}

/** The tools an export can come from (pages.Sources). */
export const SOURCE_LABELS: Record<string, string> = {
  auto: 'Detect',
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie / Jira Service Management',
  grafana: 'Grafana OnCall',
  goalert: 'GoAlert',
  csv: 'Other (CSV or JSON by its columns)',
}

/** The last part of a path, for either separator. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}
