import { Cron } from "croner";
import type { DigestFrequency, DigestScope } from "./figures.js";
import type { ScheduleKind, SubscribeRequest } from "./subscribe-command.js";

/** A channel's scheduled digest. */
export interface DigestSubscription {
  id: string;
  /** Where it posts (the channel's id) and its name as people know it ("#dealer-promos"). */
  channel: string;
  channelName: string;
  schedule: ScheduleKind;
  cron: string;
  timeZone: string;
  /** The period each digest reports: the last day, week or 30 days. */
  frequency: DigestFrequency;
  scope: DigestScope;
  createdBy: string;
  createdAt: string;
}

const DAY_NAMES = ["Sundays", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays"];

/** A custom schedule reports the period it repeats over: hourly or daily ticks a day, weekly ones a week. */
export function frequencyOf(request: SubscribeRequest): DigestFrequency {
  if (request.schedule !== "cron") return request.schedule;
  const [first, second] = new Cron(request.cron, { timezone: request.timeZone, paused: true }).nextRuns(2);
  const gapDays = first && second ? (second.getTime() - first.getTime()) / 86_400_000 : 7;
  return gapDays <= 1.5 ? "daily" : gapDays <= 8 ? "weekly" : "monthly";
}

/** "Mondays at 9:00 (America/Chicago)", "every day at 17:30 (…)", or the cron pattern itself. */
export function scheduleText(
  subscription: Pick<DigestSubscription, "schedule" | "cron" | "timeZone">,
): string {
  const [minute = "0", hour = "9", , , weekday = "1"] = subscription.cron.split(/\s+/);
  const hours = Number(hour);
  const time = `${hours % 12 === 0 ? 12 : hours % 12}:${minute.padStart(2, "0")} ${hours < 12 ? "AM" : "PM"}`;
  const when = {
    daily: `every day at ${time}`,
    weekly: `${DAY_NAMES[Number(weekday)] ?? "weekly"} at ${time}`,
    monthly: `on the 1st of each month at ${time}`,
    cron: `on the schedule "${subscription.cron}"`,
  }[subscription.schedule];
  return `${when} (${subscription.timeZone})`;
}

/** When the next digest goes out, in the subscription's time zone. */
export function nextRunText(
  subscription: Pick<DigestSubscription, "cron" | "timeZone">,
  now: Date,
): string | undefined {
  const next = new Cron(subscription.cron, { timezone: subscription.timeZone, paused: true }).nextRun(now);
  return next?.toLocaleString("en-US", {
    timeZone: subscription.timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
}
