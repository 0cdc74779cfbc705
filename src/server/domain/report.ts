/**
 * One report of a period, as /petugas/laporan/, its downloads, /kinerja/ and /api/kinerja
 * use it: the rows come from the store (periodFacts), every figure from src/lib. The public
 * figures are read off the same report, so the page and the staff report cannot disagree.
 */
import { complaintReport, type ComplaintReport } from '../../lib/complaint-report.ts';
import { elementMeans, ikmFigures, ikmIndex, type IkmFigures } from '../../lib/ikm.ts';
import {
  periodInstants,
  previousPeriod,
  type Period,
  instantInPeriod,
} from '../../lib/report-period.ts';
import {
  countBy,
  requestReport,
  type Calendar,
  type Count,
  type RequestReport,
} from '../../lib/request-report.ts';
import { walkInReport, type WalkInReport } from '../../lib/walk-in-report.ts';
import { jakartaDateTime, type IsoDate } from '../../lib/working-days.ts';
import { dueDateRule, type Services } from '../services.ts';
import type { PageFeedbackCounts, SearchCounts } from '../storage/store.ts';

export interface IkmSection {
  current: IkmFigures | null;
  /** The period of the same length just before. */
  previousPeriod: Period;
  previousIndex: number | null;
  /** current − previous, in points of the 25–100 scale; null when either has no rating. */
  change: number | null;
  /** Respondents per channel: online, datang_langsung, tidak_diketahui. */
  byChannel: Count[];
}

export interface SelfServiceSection {
  feedback: PageFeedbackCounts[];
  /** Suggested answers marked "this answered my question": requests spared. */
  answeredQuestions: number;
  searches: number;
  /** Searches that found nothing, or only pages with some of the words. */
  unanswered: SearchCounts[];
}

export interface OfficerFigure {
  name: string;
  /** Requests the officer replied to, asked more of or closed in the period. */
  requestsAnswered: number;
  visitsServed: number;
  /** Of those visits, served within the standard's minutes. */
  visitsWithin: number;
}

export interface Report {
  period: Period;
  today: IsoDate;
  requests: RequestReport;
  complaints: ComplaintReport;
  /** null when the office has no walk-in desk (content/loket.yaml). */
  walkIn: WalkInReport | null;
  ikm: IkmSection;
  selfService: SelfServiceSection;
  /** Only for admins; null otherwise. */
  officers: OfficerFigure[] | null;
}

// The longest lists a report prints (failed searches): enough for the month's gaps.
const LIST_LIMIT = 20;

export function todayOf(services: Pick<Services, 'clock'>): IsoDate {
  return jakartaDateTime(services.clock.now()).date;
}

export async function buildReport(
  services: Services,
  period: Period,
  options: { officers: boolean },
): Promise<Report> {
  const { store, standard, holidays } = services;
  const today = todayOf(services);
  const calendar: Calendar = { today, holidays, rule: dueDateRule(services) };
  const instants = periodInstants(period);
  const previous = previousPeriod(period);
  const [facts, previousMeans, searches, staff] = await Promise.all([
    store.periodFacts({ ...instants, fromDay: period.from, toDay: period.to }),
    store.ratingMeans(periodInstants(previous)),
    store.searchGaps({ fromDay: period.from, toDay: period.to, limit: LIST_LIMIT }),
    options.officers ? store.listStaff() : Promise.resolve([]),
  ]);

  const current = ikmFigures(
    elementMeans(facts.ratings.map((rating) => rating.answers)),
    facts.ratings.length,
  );
  const previousIndex = previousMeans.count > 0 ? ikmIndex(previousMeans.means) : null;
  const walkIn = services.loket
    ? walkInReport(facts.visits, period, standard.limits.walkInMinutes)
    : null;

  let officers: OfficerFigure[] | null = null;
  if (options.officers) {
    const perOfficer = walkIn?.perOfficer ?? [];
    officers = staff
      .map((account) => {
        const visits = perOfficer.find((figure) => figure.key === String(account.id));
        return {
          name: account.name,
          requestsAnswered: facts.requests.filter((request) =>
            request.staffActs.some(
              (act) => act.staffId === account.id && instantInPeriod(act.at, period),
            ),
          ).length,
          visitsServed: visits?.served ?? 0,
          visitsWithin: visits?.within ?? 0,
        };
      })
      .filter((figure) => figure.requestsAnswered > 0 || figure.visitsServed > 0)
      .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  }

  return {
    period,
    today,
    requests: requestReport(facts.requests, period, calendar, facts.meetingsHeld),
    complaints: complaintReport(facts.requests, period, calendar, services.office.complaintTargets),
    walkIn,
    ikm: {
      current,
      previousPeriod: previous,
      previousIndex,
      change:
        current && previousIndex !== null
          ? Math.round((current.index - previousIndex) * 100) / 100
          : null,
      byChannel: countBy(facts.ratings, (rating) => rating.channel ?? 'tidak_diketahui'),
    },
    selfService: {
      feedback: facts.feedback,
      answeredQuestions: facts.feedback.reduce((sum, page) => sum + page.answeredQuestions, 0),
      searches: searches.searches,
      unanswered: searches.unanswered,
    },
    officers,
  };
}

/** What /kinerja/ and /api/kinerja publish of a period: counts and shares, nothing about anyone. */
export interface PublicFigures {
  period: Period;
  ikm: {
    index: number | null;
    grade: string | null;
    label: string | null;
    respondents: number;
  };
  online: { onTime: number; late: number; share: number | null; workingDays: number };
  walkIn: { within: number; served: number; share: number | null; minutes: number } | null;
  complaints: { received: number; closed: number };
}

export function publicFigures(report: Report, services: Pick<Services, 'standard'>): PublicFigures {
  const { current } = report.ikm;
  const { limits } = services.standard;
  return {
    period: report.period,
    ikm: {
      index: current?.index ?? null,
      grade: current?.band.grade ?? null,
      label: current?.band.label ?? null,
      respondents: current?.respondents ?? 0,
    },
    online: {
      onTime: report.requests.onTime,
      late: report.requests.late,
      share: report.requests.withinLimit,
      workingDays: limits.onlineWorkingDays,
    },
    walkIn: report.walkIn && {
      within: report.walkIn.within,
      served: report.walkIn.served,
      share: report.walkIn.withinShare,
      minutes: limits.walkInMinutes,
    },
    complaints: { received: report.complaints.received, closed: report.complaints.closed },
  };
}
