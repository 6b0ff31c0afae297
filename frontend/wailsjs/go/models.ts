export namespace app {
	
	export class APIError {
	    code: string;
	    message: string;
	    field?: string;
	    fields?: errs.FieldError[];
	
	    static createFrom(source: any = {}) {
	        return new APIError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.message = source["message"];
	        this.field = source["field"];
	        this.fields = this.convertValues(source["fields"], errs.FieldError);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BackupOverview {
	    settings: backup.Settings;
	    status: backup.Status;
	    folder: string;
	    defaultFolder: string;
	    files: backup.File[];
	    due: boolean;
	    demo: boolean;
	
	    static createFrom(source: any = {}) {
	        return new BackupOverview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.settings = this.convertValues(source["settings"], backup.Settings);
	        this.status = this.convertValues(source["status"], backup.Status);
	        this.folder = source["folder"];
	        this.defaultFolder = source["defaultFolder"];
	        this.files = this.convertValues(source["files"], backup.File);
	        this.due = source["due"];
	        this.demo = source["demo"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BriefMarkdown {
	    name: string;
	    markdown: string;
	    path?: string;
	
	    static createFrom(source: any = {}) {
	        return new BriefMarkdown(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.markdown = source["markdown"];
	        this.path = source["path"];
	    }
	}
	export class BulkProblem {
	    id: string;
	    code: string;
	    message: string;
	    field?: string;
	
	    static createFrom(source: any = {}) {
	        return new BulkProblem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.message = source["message"];
	        this.field = source["field"];
	    }
	}
	export class BulkResult {
	    items: followup.Item[];
	    problems: BulkProblem[];
	
	    static createFrom(source: any = {}) {
	        return new BulkResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], followup.Item);
	        this.problems = this.convertValues(source["problems"], BulkProblem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ClockDTO {
	    now: string;
	    offsetMinutes: number;
	    testClock: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ClockDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.now = source["now"];
	        this.offsetMinutes = source["offsetMinutes"];
	        this.testClock = source["testClock"];
	    }
	}
	export class ServiceDTO {
	    name: string;
	    description: string;
	    criticality: string;
	    teamId: string;
	    primaryId: string;
	    secondaryId: string;
	    id: string;
	
	    static createFrom(source: any = {}) {
	        return new ServiceDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.description = source["description"];
	        this.criticality = source["criticality"];
	        this.teamId = source["teamId"];
	        this.primaryId = source["primaryId"];
	        this.secondaryId = source["secondaryId"];
	        this.id = source["id"];
	    }
	}
	export class TeamDTO {
	    name: string;
	    description: string;
	    memberIds: string[];
	    id: string;
	    serviceIds: string[];
	
	    static createFrom(source: any = {}) {
	        return new TeamDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.description = source["description"];
	        this.memberIds = source["memberIds"];
	        this.id = source["id"];
	        this.serviceIds = source["serviceIds"];
	    }
	}
	export class SkillDTO {
	    name: string;
	    level: number;
	
	    static createFrom(source: any = {}) {
	        return new SkillDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.level = source["level"];
	    }
	}
	export class PersonDTO {
	    name: string;
	    email: string;
	    role: string;
	    level: string;
	    timezone: string;
	    startDate: string;
	    managerId: string;
	    skills: SkillDTO[];
	    aspiration: string;
	    notes: string;
	    id: string;
	    archived: boolean;
	    archivedAt: string;
	    createdAt: string;
	    updatedAt: string;
	    teamIds: string[];
	    reportIds: string[];
	
	    static createFrom(source: any = {}) {
	        return new PersonDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.email = source["email"];
	        this.role = source["role"];
	        this.level = source["level"];
	        this.timezone = source["timezone"];
	        this.startDate = source["startDate"];
	        this.managerId = source["managerId"];
	        this.skills = this.convertValues(source["skills"], SkillDTO);
	        this.aspiration = source["aspiration"];
	        this.notes = source["notes"];
	        this.id = source["id"];
	        this.archived = source["archived"];
	        this.archivedAt = source["archivedAt"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.teamIds = source["teamIds"];
	        this.reportIds = source["reportIds"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DirectoryDTO {
	    ladder: string[];
	    people: PersonDTO[];
	    teams: TeamDTO[];
	    services: ServiceDTO[];
	
	    static createFrom(source: any = {}) {
	        return new DirectoryDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ladder = source["ladder"];
	        this.people = this.convertValues(source["people"], PersonDTO);
	        this.teams = this.convertValues(source["teams"], TeamDTO);
	        this.services = this.convertValues(source["services"], ServiceDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class EncryptionStatus {
	    encrypted: boolean;
	    demo: boolean;
	    remembered: boolean;
	    keyringReason: string;
	
	    static createFrom(source: any = {}) {
	        return new EncryptionStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.encrypted = source["encrypted"];
	        this.demo = source["demo"];
	        this.remembered = source["remembered"];
	        this.keyringReason = source["keyringReason"];
	    }
	}
	export class EvaluationDTO {
	    delivered: number;
	    active: number;
	    desktopError: string;
	
	    static createFrom(source: any = {}) {
	        return new EvaluationDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.delivered = source["delivered"];
	        this.active = source["active"];
	        this.desktopError = source["desktopError"];
	    }
	}
	export class EvidenceCandidate {
	    kind: string;
	    refId: string;
	    label: string;
	    date: string;
	    role?: string;
	
	    static createFrom(source: any = {}) {
	        return new EvidenceCandidate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.refId = source["refId"];
	        this.label = source["label"];
	        this.date = source["date"];
	        this.role = source["role"];
	    }
	}
	export class EvidenceCandidates {
	    items: EvidenceCandidate[];
	    more: string[];
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new EvidenceCandidates(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], EvidenceCandidate);
	        this.more = source["more"];
	        this.limit = source["limit"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExportDTO {
	    ics: string;
	    name: string;
	    events: number;
	    cancelled: number;
	    changed: number;
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ics = source["ics"];
	        this.name = source["name"];
	        this.events = source["events"];
	        this.cancelled = source["cancelled"];
	        this.changed = source["changed"];
	        this.path = source["path"];
	    }
	}
	export class ScopeDTO {
	    kind: string;
	    id: string;
	
	    static createFrom(source: any = {}) {
	        return new ScopeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	    }
	}
	export class FeedDTO {
	    id: string;
	    name: string;
	    scope: ScopeDTO;
	    createdAt: string;
	    revokedAt: string;
	    lastFetchedAt: string;
	    fetches: number;
	
	    static createFrom(source: any = {}) {
	        return new FeedDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.scope = this.convertValues(source["scope"], ScopeDTO);
	        this.createdAt = source["createdAt"];
	        this.revokedAt = source["revokedAt"];
	        this.lastFetchedAt = source["lastFetchedAt"];
	        this.fetches = source["fetches"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FeedServerDTO {
	    running: boolean;
	    baseUrl: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new FeedServerDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.running = source["running"];
	        this.baseUrl = source["baseUrl"];
	        this.note = source["note"];
	    }
	}
	export class FollowUpChange {
	    id: string;
	    ownerId?: string;
	    dueDate?: string;
	    clearDue?: boolean;
	    status?: string;
	    reason?: string;
	
	    static createFrom(source: any = {}) {
	        return new FollowUpChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.ownerId = source["ownerId"];
	        this.dueDate = source["dueDate"];
	        this.clearDue = source["clearDue"];
	        this.status = source["status"];
	        this.reason = source["reason"];
	    }
	}
	export class ImpactDTO {
	    personId: string;
	    personName: string;
	    items: string[];
	
	    static createFrom(source: any = {}) {
	        return new ImpactDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.personName = source["personName"];
	        this.items = source["items"];
	    }
	}
	export class ImportTargetDTO {
	    kind: string;
	    regionId: string;
	    regionName: string;
	    personId: string;
	    timeOffKind: string;
	    calendar: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportTargetDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.regionId = source["regionId"];
	        this.regionName = source["regionName"];
	        this.personId = source["personId"];
	        this.timeOffKind = source["timeOffKind"];
	        this.calendar = source["calendar"];
	    }
	}
	export class IncidentDetail {
	    incident: incident.Incident;
	    followUps: followup.Item[];
	
	    static createFrom(source: any = {}) {
	        return new IncidentDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.incident = this.convertValues(source["incident"], incident.Incident);
	        this.followUps = this.convertValues(source["followUps"], followup.Item);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class KeyringDTO {
	    available: boolean;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new KeyringDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.available = source["available"];
	        this.reason = source["reason"];
	    }
	}
	export class RefDTO {
	    id: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new RefDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	    }
	}
	export class LevelCountDTO {
	    level: string;
	    people: RefDTO[];
	
	    static createFrom(source: any = {}) {
	        return new LevelCountDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.level = source["level"];
	        this.people = this.convertValues(source["people"], RefDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LocalTimeDTO {
	    person: RefDTO;
	    timezone: string;
	    local: string;
	    weekday: string;
	    offset: string;
	    working: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LocalTimeDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.person = this.convertValues(source["person"], RefDTO);
	        this.timezone = source["timezone"];
	        this.local = source["local"];
	        this.weekday = source["weekday"];
	        this.offset = source["offset"];
	        this.working = source["working"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LockStatusDTO {
	    locked: boolean;
	    needsPassphrase: boolean;
	    lockMinutes: number;
	    retryAt: string;
	
	    static createFrom(source: any = {}) {
	        return new LockStatusDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.locked = source["locked"];
	        this.needsPassphrase = source["needsPassphrase"];
	        this.lockMinutes = source["lockMinutes"];
	        this.retryAt = source["retryAt"];
	    }
	}
	export class NewFeedDTO {
	    feed: FeedDTO;
	    url: string;
	
	    static createFrom(source: any = {}) {
	        return new NewFeedDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.feed = this.convertValues(source["feed"], FeedDTO);
	        this.url = source["url"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class NotificationStatusDTO {
	    available: boolean;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new NotificationStatusDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.available = source["available"];
	        this.reason = source["reason"];
	    }
	}
	export class OnCallHealth {
	    report: pages.HealthReport;
	    stored: number;
	    pagesPerDayLimit: number;
	
	    static createFrom(source: any = {}) {
	        return new OnCallHealth(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.report = this.convertValues(source["report"], pages.HealthReport);
	        this.stored = source["stored"];
	        this.pagesPerDayLimit = source["pagesPerDayLimit"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SinglePointDTO {
	    skill: string;
	    holder: RefDTO;
	    holderLevel: number;
	    learners: RefDTO[];
	
	    static createFrom(source: any = {}) {
	        return new SinglePointDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.skill = source["skill"];
	        this.holder = this.convertValues(source["holder"], RefDTO);
	        this.holderLevel = source["holderLevel"];
	        this.learners = this.convertValues(source["learners"], RefDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ServiceProblemDTO {
	    service: RefDTO;
	    team: RefDTO;
	    problems: string[];
	
	    static createFrom(source: any = {}) {
	        return new ServiceProblemDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.service = this.convertValues(source["service"], RefDTO);
	        this.team = this.convertValues(source["team"], RefDTO);
	        this.problems = source["problems"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OverviewDTO {
	    now: string;
	    people: number;
	    archived: number;
	    teams: number;
	    services: number;
	    levelMix: LevelCountDTO[];
	    serviceProblems: ServiceProblemDTO[];
	    singlePoints: SinglePointDTO[];
	    withoutSkills: number;
	    localTimes: LocalTimeDTO[];
	
	    static createFrom(source: any = {}) {
	        return new OverviewDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.now = source["now"];
	        this.people = source["people"];
	        this.archived = source["archived"];
	        this.teams = source["teams"];
	        this.services = source["services"];
	        this.levelMix = this.convertValues(source["levelMix"], LevelCountDTO);
	        this.serviceProblems = this.convertValues(source["serviceProblems"], ServiceProblemDTO);
	        this.singlePoints = this.convertValues(source["singlePoints"], SinglePointDTO);
	        this.withoutSkills = source["withoutSkills"];
	        this.localTimes = this.convertValues(source["localTimes"], LocalTimeDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PagesOptionsDTO {
	    source: string;
	    columns: Record<string, string>;
	    people: Record<string, string>;
	    useRemembered: boolean;
	    fingerprint: string;
	
	    static createFrom(source: any = {}) {
	        return new PagesOptionsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.source = source["source"];
	        this.columns = source["columns"];
	        this.people = source["people"];
	        this.useRemembered = source["useRemembered"];
	        this.fingerprint = source["fingerprint"];
	    }
	}
	export class PagesSummaryDTO {
	    pages: number;
	    imports: pages.ImportLog[];
	    fields: string[];
	    sources: string[];
	
	    static createFrom(source: any = {}) {
	        return new PagesSummaryDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pages = source["pages"];
	        this.imports = this.convertValues(source["imports"], pages.ImportLog);
	        this.fields = source["fields"];
	        this.sources = source["sources"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PasswordPlaceDTO {
	    place: string;
	    encrypted: boolean;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new PasswordPlaceDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.place = source["place"];
	        this.encrypted = source["encrypted"];
	        this.reason = source["reason"];
	    }
	}
	
	export class PersonFeedback {
	    entries: feedback.Entry[];
	    balance: feedback.Balance;
	    settings: feedback.Settings;
	    today: string;
	
	    static createFrom(source: any = {}) {
	        return new PersonFeedback(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entries = this.convertValues(source["entries"], feedback.Entry);
	        this.balance = this.convertValues(source["balance"], feedback.Balance);
	        this.settings = this.convertValues(source["settings"], feedback.Settings);
	        this.today = source["today"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PersonInput {
	    name: string;
	    email: string;
	    role: string;
	    level: string;
	    timezone: string;
	    startDate: string;
	    managerId: string;
	    skills: SkillDTO[];
	    aspiration: string;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new PersonInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.email = source["email"];
	        this.role = source["role"];
	        this.level = source["level"];
	        this.timezone = source["timezone"];
	        this.startDate = source["startDate"];
	        this.managerId = source["managerId"];
	        this.skills = this.convertValues(source["skills"], SkillDTO);
	        this.aspiration = source["aspiration"];
	        this.notes = source["notes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PersonOneOnOnes {
	    hasSeries: boolean;
	    series: oneonone.Series;
	    status?: oneonone.CadenceStatus;
	    meetings: oneonone.Meeting[];
	    followUps: followup.Brief[];
	    today: string;
	    slot?: oneonone.Slot;
	    dstWarning?: string;
	
	    static createFrom(source: any = {}) {
	        return new PersonOneOnOnes(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.hasSeries = source["hasSeries"];
	        this.series = this.convertValues(source["series"], oneonone.Series);
	        this.status = this.convertValues(source["status"], oneonone.CadenceStatus);
	        this.meetings = this.convertValues(source["meetings"], oneonone.Meeting);
	        this.followUps = this.convertValues(source["followUps"], followup.Brief);
	        this.today = source["today"];
	        this.slot = this.convertValues(source["slot"], oneonone.Slot);
	        this.dstWarning = source["dstWarning"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PreviewDTO {
	    token: string;
	    preview?: calendar.Preview;
	
	    static createFrom(source: any = {}) {
	        return new PreviewDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.token = source["token"];
	        this.preview = this.convertValues(source["preview"], calendar.Preview);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PublishConflictDTO {
	    uid: string;
	    at: string;
	    ours: string;
	    theirs: string;
	    removed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PublishConflictDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.uid = source["uid"];
	        this.at = source["at"];
	        this.ours = source["ours"];
	        this.theirs = source["theirs"];
	        this.removed = source["removed"];
	    }
	}
	export class PublishCountsDTO {
	    created: number;
	    updated: number;
	    deleted: number;
	    unchanged: number;
	    conflicts: number;
	
	    static createFrom(source: any = {}) {
	        return new PublishCountsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.deleted = source["deleted"];
	        this.unchanged = source["unchanged"];
	        this.conflicts = source["conflicts"];
	    }
	}
	export class PublicationDTO {
	    name: string;
	    url: string;
	    user: string;
	    scope: ScopeDTO;
	    perEngineer: boolean;
	    backDays: number;
	    aheadDays: number;
	    alarmMinutes: number;
	    trustSha256: string;
	    onConflict: string;
	    passwordIn: string;
	    collections: number;
	    lastRunAt: string;
	    lastSuccessAt: string;
	    lastError: string;
	    lastErrorAt: string;
	    untrustedCertificate: string;
	    last: PublishCountsDTO;
	    waiting: number;
	    conflicts: PublishConflictDTO[];
	    running: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PublicationDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.url = source["url"];
	        this.user = source["user"];
	        this.scope = this.convertValues(source["scope"], ScopeDTO);
	        this.perEngineer = source["perEngineer"];
	        this.backDays = source["backDays"];
	        this.aheadDays = source["aheadDays"];
	        this.alarmMinutes = source["alarmMinutes"];
	        this.trustSha256 = source["trustSha256"];
	        this.onConflict = source["onConflict"];
	        this.passwordIn = source["passwordIn"];
	        this.collections = source["collections"];
	        this.lastRunAt = source["lastRunAt"];
	        this.lastSuccessAt = source["lastSuccessAt"];
	        this.lastError = source["lastError"];
	        this.lastErrorAt = source["lastErrorAt"];
	        this.untrustedCertificate = source["untrustedCertificate"];
	        this.last = this.convertValues(source["last"], PublishCountsDTO);
	        this.waiting = source["waiting"];
	        this.conflicts = this.convertValues(source["conflicts"], PublishConflictDTO);
	        this.running = source["running"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PublicationInputDTO {
	    name: string;
	    url: string;
	    user: string;
	    password: string;
	    scope: ScopeDTO;
	    perEngineer: boolean;
	    backDays: number;
	    aheadDays: number;
	    alarmMinutes: number;
	    trustSha256: string;
	    onConflict: string;
	
	    static createFrom(source: any = {}) {
	        return new PublicationInputDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.url = source["url"];
	        this.user = source["user"];
	        this.password = source["password"];
	        this.scope = this.convertValues(source["scope"], ScopeDTO);
	        this.perEngineer = source["perEngineer"];
	        this.backDays = source["backDays"];
	        this.aheadDays = source["aheadDays"];
	        this.alarmMinutes = source["alarmMinutes"];
	        this.trustSha256 = source["trustSha256"];
	        this.onConflict = source["onConflict"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class PublishResultDTO {
	    counts: PublishCountsDTO;
	    publication: PublicationDTO;
	
	    static createFrom(source: any = {}) {
	        return new PublishResultDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.counts = this.convertValues(source["counts"], PublishCountsDTO);
	        this.publication = this.convertValues(source["publication"], PublicationDTO);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class QuietDTO {
	    enabled: boolean;
	    start: string;
	    end: string;
	    weekends: boolean;
	
	    static createFrom(source: any = {}) {
	        return new QuietDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.weekends = source["weekends"];
	    }
	}
	
	export class ReminderDTO {
	    key: string;
	    kind: string;
	    title: string;
	    body: string;
	    linkArea: string;
	    linkId: string;
	    dueAt: string;
	    status: string;
	    heldUntil: string;
	    snoozedUntil: string;
	    deliveredAt: string;
	    desktop: string;
	
	    static createFrom(source: any = {}) {
	        return new ReminderDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.kind = source["kind"];
	        this.title = source["title"];
	        this.body = source["body"];
	        this.linkArea = source["linkArea"];
	        this.linkId = source["linkId"];
	        this.dueAt = source["dueAt"];
	        this.status = source["status"];
	        this.heldUntil = source["heldUntil"];
	        this.snoozedUntil = source["snoozedUntil"];
	        this.deliveredAt = source["deliveredAt"];
	        this.desktop = source["desktop"];
	    }
	}
	export class ReminderRestoreDTO {
	    key: string;
	    snoozedUntil: string;
	
	    static createFrom(source: any = {}) {
	        return new ReminderRestoreDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.snoozedUntil = source["snoozedUntil"];
	    }
	}
	export class ReminderSettingsDTO {
	    timezone: string;
	    detectedZone: string;
	    quiet: QuietDTO;
	    desktop: boolean;
	    background: boolean;
	    autostart: boolean;
	    lockMinutes: number;
	
	    static createFrom(source: any = {}) {
	        return new ReminderSettingsDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.timezone = source["timezone"];
	        this.detectedZone = source["detectedZone"];
	        this.quiet = this.convertValues(source["quiet"], QuietDTO);
	        this.desktop = source["desktop"];
	        this.background = source["background"];
	        this.autostart = source["autostart"];
	        this.lockMinutes = source["lockMinutes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RestoreResult {
	    summary: backup.Summary;
	    aside: string;
	
	    static createFrom(source: any = {}) {
	        return new RestoreResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.summary = this.convertValues(source["summary"], backup.Summary);
	        this.aside = source["aside"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SavedFile {
	    name: string;
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new SavedFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.path = source["path"];
	    }
	}
	export class SavedOverride {
	    item: oncall.Override;
	    warnings: string[];
	
	    static createFrom(source: any = {}) {
	        return new SavedOverride(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.item = this.convertValues(source["item"], oncall.Override);
	        this.warnings = source["warnings"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SavedSwap {
	    item: oncall.Swap;
	    warnings: string[];
	
	    static createFrom(source: any = {}) {
	        return new SavedSwap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.item = this.convertValues(source["item"], oncall.Swap);
	        this.warnings = source["warnings"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SavedTimeOff {
	    item: oncall.TimeOff;
	    warnings: string[];
	
	    static createFrom(source: any = {}) {
	        return new SavedTimeOff(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.item = this.convertValues(source["item"], oncall.TimeOff);
	        this.warnings = source["warnings"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class SeriesICS {
	    name: string;
	    ics: string;
	    path?: string;
	
	    static createFrom(source: any = {}) {
	        return new SeriesICS(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.ics = source["ics"];
	        this.path = source["path"];
	    }
	}
	
	export class ServiceInput {
	    name: string;
	    description: string;
	    criticality: string;
	    teamId: string;
	    primaryId: string;
	    secondaryId: string;
	
	    static createFrom(source: any = {}) {
	        return new ServiceInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.description = source["description"];
	        this.criticality = source["criticality"];
	        this.teamId = source["teamId"];
	        this.primaryId = source["primaryId"];
	        this.secondaryId = source["secondaryId"];
	    }
	}
	
	
	
	export class SnoozeManyDTO {
	    until: string;
	    problems: BulkProblem[];
	
	    static createFrom(source: any = {}) {
	        return new SnoozeManyDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.until = source["until"];
	        this.problems = this.convertValues(source["problems"], BulkProblem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SubscriptionDTO {
	    id: string;
	    name: string;
	    url: string;
	    refresh: string;
	    target: ImportTargetDTO;
	    createdAt: string;
	    lastAttemptAt: string;
	    lastFetchedAt: string;
	    lastAppliedAt: string;
	    lastError: string;
	    cachedBytes: number;
	    cachedAt: string;
	    source: string;
	    user: string;
	    trustSha256: string;
	    passwordIn: string;
	    untrustedCertificate: string;
	
	    static createFrom(source: any = {}) {
	        return new SubscriptionDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.url = source["url"];
	        this.refresh = source["refresh"];
	        this.target = this.convertValues(source["target"], ImportTargetDTO);
	        this.createdAt = source["createdAt"];
	        this.lastAttemptAt = source["lastAttemptAt"];
	        this.lastFetchedAt = source["lastFetchedAt"];
	        this.lastAppliedAt = source["lastAppliedAt"];
	        this.lastError = source["lastError"];
	        this.cachedBytes = source["cachedBytes"];
	        this.cachedAt = source["cachedAt"];
	        this.source = source["source"];
	        this.user = source["user"];
	        this.trustSha256 = source["trustSha256"];
	        this.passwordIn = source["passwordIn"];
	        this.untrustedCertificate = source["untrustedCertificate"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SubscriptionFetchDTO {
	    subscription: SubscriptionDTO;
	    notModified: boolean;
	    token: string;
	    preview?: calendar.Preview;
	    applied?: calendar.ApplyResult;
	
	    static createFrom(source: any = {}) {
	        return new SubscriptionFetchDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subscription = this.convertValues(source["subscription"], SubscriptionDTO);
	        this.notModified = source["notModified"];
	        this.token = source["token"];
	        this.preview = this.convertValues(source["preview"], calendar.Preview);
	        this.applied = this.convertValues(source["applied"], calendar.ApplyResult);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SubscriptionInput {
	    id: string;
	    name: string;
	    url: string;
	    refresh: string;
	    target: ImportTargetDTO;
	    source: string;
	    user: string;
	    password: string;
	    trustSha256: string;
	
	    static createFrom(source: any = {}) {
	        return new SubscriptionInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.url = source["url"];
	        this.refresh = source["refresh"];
	        this.target = this.convertValues(source["target"], ImportTargetDTO);
	        this.source = source["source"];
	        this.user = source["user"];
	        this.password = source["password"];
	        this.trustSha256 = source["trustSha256"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class TeamInput {
	    name: string;
	    description: string;
	    memberIds: string[];
	
	    static createFrom(source: any = {}) {
	        return new TeamInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.description = source["description"];
	        this.memberIds = source["memberIds"];
	    }
	}
	export class Window {
	    from: string;
	    to: string;
	
	    static createFrom(source: any = {}) {
	        return new Window(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	    }
	}
	export class WorkspaceFilePreview {
	    path: string;
	    name: string;
	    valid: boolean;
	    problem?: string;
	    problems: string[];
	    // Go type: time
	    exportedAt: any;
	    generator?: string;
	    privateNotes: boolean;
	    people: number;
	    teams: number;
	    services: number;
	    incidents: number;
	    followUps: number;
	    rotations: number;
	    meetings: number;
	    feedback: number;
	
	    static createFrom(source: any = {}) {
	        return new WorkspaceFilePreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.valid = source["valid"];
	        this.problem = source["problem"];
	        this.problems = source["problems"];
	        this.exportedAt = this.convertValues(source["exportedAt"], null);
	        this.generator = source["generator"];
	        this.privateNotes = source["privateNotes"];
	        this.people = source["people"];
	        this.teams = source["teams"];
	        this.services = source["services"];
	        this.incidents = source["incidents"];
	        this.followUps = source["followUps"];
	        this.rotations = source["rotations"];
	        this.meetings = source["meetings"];
	        this.feedback = source["feedback"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class WorkspaceImportResult {
	    preview: WorkspaceFilePreview;
	    aside: string;
	
	    static createFrom(source: any = {}) {
	        return new WorkspaceImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.preview = this.convertValues(source["preview"], WorkspaceFilePreview);
	        this.aside = source["aside"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class WorkspaceInfo {
	    version: string;
	    dataDir: string;
	    path: string;
	    demo: boolean;
	    empty: boolean;
	    schema: number;
	    openError?: APIError;
	    platform: string;
	    locked: boolean;
	    rememberNote: string;
	
	    static createFrom(source: any = {}) {
	        return new WorkspaceInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.dataDir = source["dataDir"];
	        this.path = source["path"];
	        this.demo = source["demo"];
	        this.empty = source["empty"];
	        this.schema = source["schema"];
	        this.openError = this.convertValues(source["openError"], APIError);
	        this.platform = source["platform"];
	        this.locked = source["locked"];
	        this.rememberNote = source["rememberNote"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ZoneDTO {
	    name: string;
	    offset: string;
	
	    static createFrom(source: any = {}) {
	        return new ZoneDTO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.offset = source["offset"];
	    }
	}

}

export namespace backup {
	
	export class File {
	    path: string;
	    name: string;
	    at: string;
	    bytes: number;
	
	    static createFrom(source: any = {}) {
	        return new File(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.at = source["at"];
	        this.bytes = source["bytes"];
	    }
	}
	export class Settings {
	    enabled: boolean;
	    folder?: string;
	    keepDaily: number;
	    keepWeekly: number;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.folder = source["folder"];
	        this.keepDaily = source["keepDaily"];
	        this.keepWeekly = source["keepWeekly"];
	    }
	}
	export class Summary {
	    people: number;
	    teams: number;
	    incidents: number;
	    followUps: number;
	    rotations: number;
	    meetings: number;
	    feedback: number;
	    records: number;
	    schema: number;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.people = source["people"];
	        this.teams = source["teams"];
	        this.incidents = source["incidents"];
	        this.followUps = source["followUps"];
	        this.rotations = source["rotations"];
	        this.meetings = source["meetings"];
	        this.feedback = source["feedback"];
	        this.records = source["records"];
	        this.schema = source["schema"];
	    }
	}
	export class Status {
	    lastAt: string;
	    lastPath?: string;
	    lastBytes?: number;
	    lastSummary?: Summary;
	    lastError?: string;
	    lastErrorAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lastAt = source["lastAt"];
	        this.lastPath = source["lastPath"];
	        this.lastBytes = source["lastBytes"];
	        this.lastSummary = this.convertValues(source["lastSummary"], Summary);
	        this.lastError = source["lastError"];
	        this.lastErrorAt = source["lastErrorAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace brief {
	
	export class Suggestion {
	    kind: string;
	    text: string;
	    why: string;
	
	    static createFrom(source: any = {}) {
	        return new Suggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.text = source["text"];
	        this.why = source["why"];
	    }
	}
	export class IncidentPart {
	    id: string;
	    title: string;
	    severity: number;
	    status: string;
	    startedAt: string;
	    role: string;
	
	    static createFrom(source: any = {}) {
	        return new IncidentPart(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.severity = source["severity"];
	        this.status = source["status"];
	        this.startedAt = source["startedAt"];
	        this.role = source["role"];
	    }
	}
	export class Paging {
	    pages: number;
	    business: number;
	    offHours: number;
	    sleep: number;
	    onCallDays: number;
	    pagesPerOnCallDay: number;
	    mttaSeconds?: number;
	    mttrSeconds?: number;
	    flags: pages.Flag[];
	
	    static createFrom(source: any = {}) {
	        return new Paging(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pages = source["pages"];
	        this.business = source["business"];
	        this.offHours = source["offHours"];
	        this.sleep = source["sleep"];
	        this.onCallDays = source["onCallDays"];
	        this.pagesPerOnCallDay = source["pagesPerOnCallDay"];
	        this.mttaSeconds = source["mttaSeconds"];
	        this.mttrSeconds = source["mttrSeconds"];
	        this.flags = this.convertValues(source["flags"], pages.Flag);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OnCallLoad {
	    from: string;
	    to: string;
	    shifts: number;
	    overrides: number;
	    hours: number;
	    nightHours: number;
	    weekendHours: number;
	    holidayHours: number;
	    holidays: string[];
	    pages: number;
	    nightPages: number;
	    weeksOnCall: number;
	    weeks: number;
	    tooFrequent: boolean;
	    nextShift?: oncall.Shift;
	    inRotation: boolean;
	    paging?: Paging;
	
	    static createFrom(source: any = {}) {
	        return new OnCallLoad(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.shifts = source["shifts"];
	        this.overrides = source["overrides"];
	        this.hours = source["hours"];
	        this.nightHours = source["nightHours"];
	        this.weekendHours = source["weekendHours"];
	        this.holidayHours = source["holidayHours"];
	        this.holidays = source["holidays"];
	        this.pages = source["pages"];
	        this.nightPages = source["nightPages"];
	        this.weeksOnCall = source["weeksOnCall"];
	        this.weeks = source["weeks"];
	        this.tooFrequent = source["tooFrequent"];
	        this.nextShift = this.convertValues(source["nextShift"], oncall.Shift);
	        this.inRotation = source["inRotation"];
	        this.paging = this.convertValues(source["paging"], Paging);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MoodPoint {
	    date: string;
	    mood?: number;
	    energy?: number;
	
	    static createFrom(source: any = {}) {
	        return new MoodPoint(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.mood = source["mood"];
	        this.energy = source["energy"];
	    }
	}
	export class Goal {
	    goalId: string;
	    goal: string;
	    milestone?: string;
	    dueDate: string;
	    late: boolean;
	    days: number;
	
	    static createFrom(source: any = {}) {
	        return new Goal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.goalId = source["goalId"];
	        this.goal = source["goal"];
	        this.milestone = source["milestone"];
	        this.dueDate = source["dueDate"];
	        this.late = source["late"];
	        this.days = source["days"];
	    }
	}
	export class MeetingRef {
	    id: string;
	    date: string;
	    status: string;
	    sharedNotes?: string;
	    privateNotes?: string;
	    mood?: number;
	    energy?: number;
	
	    static createFrom(source: any = {}) {
	        return new MeetingRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.date = source["date"];
	        this.status = source["status"];
	        this.sharedNotes = source["sharedNotes"];
	        this.privateNotes = source["privateNotes"];
	        this.mood = source["mood"];
	        this.energy = source["energy"];
	    }
	}
	export class PersonInfo {
	    id: string;
	    name: string;
	    role?: string;
	    level?: string;
	    timezone: string;
	    aspiration: string;
	
	    static createFrom(source: any = {}) {
	        return new PersonInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.level = source["level"];
	        this.timezone = source["timezone"];
	        this.aspiration = source["aspiration"];
	    }
	}
	export class Brief {
	    person: PersonInfo;
	    today: string;
	    generatedAt: string;
	    cadence?: oneonone.CadenceStatus;
	    since: string;
	    daysSince: number;
	    lastMeeting?: MeetingRef;
	    nextMeeting?: MeetingRef;
	    topics: oneonone.AgendaItem[];
	    followUpsTheirs: followup.Brief[];
	    followUpsMine: followup.Brief[];
	    closedSince: number;
	    feedbackDrafts: feedback.Entry[];
	    feedback: feedback.Balance;
	    goals: Goal[];
	    mood: MoodPoint[];
	    moodTrend: string;
	    oncall: OnCallLoad;
	    incidents: IncidentPart[];
	    suggestions: Suggestion[];
	    includesPrivate: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Brief(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.person = this.convertValues(source["person"], PersonInfo);
	        this.today = source["today"];
	        this.generatedAt = source["generatedAt"];
	        this.cadence = this.convertValues(source["cadence"], oneonone.CadenceStatus);
	        this.since = source["since"];
	        this.daysSince = source["daysSince"];
	        this.lastMeeting = this.convertValues(source["lastMeeting"], MeetingRef);
	        this.nextMeeting = this.convertValues(source["nextMeeting"], MeetingRef);
	        this.topics = this.convertValues(source["topics"], oneonone.AgendaItem);
	        this.followUpsTheirs = this.convertValues(source["followUpsTheirs"], followup.Brief);
	        this.followUpsMine = this.convertValues(source["followUpsMine"], followup.Brief);
	        this.closedSince = source["closedSince"];
	        this.feedbackDrafts = this.convertValues(source["feedbackDrafts"], feedback.Entry);
	        this.feedback = this.convertValues(source["feedback"], feedback.Balance);
	        this.goals = this.convertValues(source["goals"], Goal);
	        this.mood = this.convertValues(source["mood"], MoodPoint);
	        this.moodTrend = source["moodTrend"];
	        this.oncall = this.convertValues(source["oncall"], OnCallLoad);
	        this.incidents = this.convertValues(source["incidents"], IncidentPart);
	        this.suggestions = this.convertValues(source["suggestions"], Suggestion);
	        this.includesPrivate = source["includesPrivate"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Flag {
	    kind: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new Flag(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.text = source["text"];
	    }
	}
	
	export class HealthRow {
	    person: PersonInfo;
	    flags: Flag[];
	    cadence?: oneonone.CadenceStatus;
	    moodTrend: string;
	    lastMood?: number;
	    weeksOnCall: number;
	    weeks: number;
	    nightHours: number;
	    holidayHours: number;
	    incidents: number;
	    commanded: number;
	    feedback: feedback.Counts;
	    pages: number;
	    sleepPages: number;
	
	    static createFrom(source: any = {}) {
	        return new HealthRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.person = this.convertValues(source["person"], PersonInfo);
	        this.flags = this.convertValues(source["flags"], Flag);
	        this.cadence = this.convertValues(source["cadence"], oneonone.CadenceStatus);
	        this.moodTrend = source["moodTrend"];
	        this.lastMood = source["lastMood"];
	        this.weeksOnCall = source["weeksOnCall"];
	        this.weeks = source["weeks"];
	        this.nightHours = source["nightHours"];
	        this.holidayHours = source["holidayHours"];
	        this.incidents = source["incidents"];
	        this.commanded = source["commanded"];
	        this.feedback = this.convertValues(source["feedback"], feedback.Counts);
	        this.pages = source["pages"];
	        this.sleepPages = source["sleepPages"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Health {
	    today: string;
	    teamId: string;
	    rows: HealthRow[];
	    flagged: number;
	    pagingImported: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Health(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.today = source["today"];
	        this.teamId = source["teamId"];
	        this.rows = this.convertValues(source["rows"], HealthRow);
	        this.flagged = source["flagged"];
	        this.pagingImported = source["pagingImported"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	
	
	

}

export namespace calendar {
	
	export class ApplyResult {
	    added: number;
	    updated: number;
	    removed: number;
	    unchanged: number;
	
	    static createFrom(source: any = {}) {
	        return new ApplyResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.added = source["added"];
	        this.updated = source["updated"];
	        this.removed = source["removed"];
	        this.unchanged = source["unchanged"];
	    }
	}
	export class Change {
	    action: string;
	    uid: string;
	    name: string;
	    when: string;
	    was?: string;
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.action = source["action"];
	        this.uid = source["uid"];
	        this.name = source["name"];
	        this.when = source["when"];
	        this.was = source["was"];
	    }
	}
	export class Target {
	    kind: string;
	    regionId: string;
	    personId: string;
	    timeOffKind?: string;
	    calendar?: string;
	
	    static createFrom(source: any = {}) {
	        return new Target(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.regionId = source["regionId"];
	        this.personId = source["personId"];
	        this.timeOffKind = source["timeOffKind"];
	        this.calendar = source["calendar"];
	    }
	}
	export class Preview {
	    target: Target;
	    targetName: string;
	    calendar: string;
	    fingerprint: string;
	    bytes: number;
	    events: number;
	    new: number;
	    updated: number;
	    unchanged: number;
	    removed: number;
	    changes: Change[];
	    warnings: string[];
	    subscriptionId: string;
	
	    static createFrom(source: any = {}) {
	        return new Preview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.target = this.convertValues(source["target"], Target);
	        this.targetName = source["targetName"];
	        this.calendar = source["calendar"];
	        this.fingerprint = source["fingerprint"];
	        this.bytes = source["bytes"];
	        this.events = source["events"];
	        this.new = source["new"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.removed = source["removed"];
	        this.changes = this.convertValues(source["changes"], Change);
	        this.warnings = source["warnings"];
	        this.subscriptionId = source["subscriptionId"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace errs {
	
	export class FieldError {
	    field: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.message = source["message"];
	    }
	}

}

export namespace feedback {
	
	export class Period {
	    label: string;
	    from: string;
	    counts: Counts;
	
	    static createFrom(source: any = {}) {
	        return new Period(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.from = source["from"];
	        this.counts = this.convertValues(source["counts"], Counts);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Counts {
	    positiveDelivered: number;
	    constructiveDelivered: number;
	    positiveDrafts: number;
	    constructiveDrafts: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.positiveDelivered = source["positiveDelivered"];
	        this.constructiveDelivered = source["constructiveDelivered"];
	        this.positiveDrafts = source["positiveDrafts"];
	        this.constructiveDrafts = source["constructiveDrafts"];
	    }
	}
	export class Balance {
	    personId: string;
	    recent: Counts;
	    allTime: Counts;
	    quarters: Period[];
	    oldestDraftDays: number;
	    flags: string[];
	    notes: string[];
	
	    static createFrom(source: any = {}) {
	        return new Balance(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.recent = this.convertValues(source["recent"], Counts);
	        this.allTime = this.convertValues(source["allTime"], Counts);
	        this.quarters = this.convertValues(source["quarters"], Period);
	        this.oldestDraftDays = source["oldestDraftDays"];
	        this.flags = source["flags"];
	        this.notes = source["notes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Entry {
	    id: string;
	    personId: string;
	    kind: string;
	    situation: string;
	    behaviour: string;
	    impact: string;
	    nextStep?: string;
	    status: string;
	    deliveredOn?: string;
	    how?: string;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.personId = source["personId"];
	        this.kind = source["kind"];
	        this.situation = source["situation"];
	        this.behaviour = source["behaviour"];
	        this.impact = source["impact"];
	        this.nextStep = source["nextStep"];
	        this.status = source["status"];
	        this.deliveredOn = source["deliveredOn"];
	        this.how = source["how"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	
	export class Settings {
	    staleDays: number;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.staleDays = source["staleDays"];
	    }
	}

}

export namespace followup {
	
	export class Source {
	    kind?: string;
	    id: string;
	    label?: string;
	
	    static createFrom(source: any = {}) {
	        return new Source(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.label = source["label"];
	    }
	}
	export class Brief {
	    id: string;
	    title: string;
	    ownerId: string;
	    ownerRemoved?: boolean;
	    dueDate?: string;
	    priority: string;
	    status: string;
	    reason?: string;
	    source: Source;
	    createdAt: string;
	    completedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Brief(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.ownerId = source["ownerId"];
	        this.ownerRemoved = source["ownerRemoved"];
	        this.dueDate = source["dueDate"];
	        this.priority = source["priority"];
	        this.status = source["status"];
	        this.reason = source["reason"];
	        this.source = this.convertValues(source["source"], Source);
	        this.createdAt = source["createdAt"];
	        this.completedAt = source["completedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Filter {
	    ownerIds?: string[];
	    sourceKind?: string;
	    sourceId: string;
	    statuses?: string[];
	    overdueOnly?: boolean;
	    today?: string;
	    dueBefore?: string;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ownerIds = source["ownerIds"];
	        this.sourceKind = source["sourceKind"];
	        this.sourceId = source["sourceId"];
	        this.statuses = source["statuses"];
	        this.overdueOnly = source["overdueOnly"];
	        this.today = source["today"];
	        this.dueBefore = source["dueBefore"];
	    }
	}
	export class Item {
	    id: string;
	    title: string;
	    ownerId: string;
	    ownerRemoved?: boolean;
	    dueDate?: string;
	    priority: string;
	    status: string;
	    reason?: string;
	    source: Source;
	    notes?: string;
	    createdAt: string;
	    updatedAt: string;
	    completedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.ownerId = source["ownerId"];
	        this.ownerRemoved = source["ownerRemoved"];
	        this.dueDate = source["dueDate"];
	        this.priority = source["priority"];
	        this.status = source["status"];
	        this.reason = source["reason"];
	        this.source = this.convertValues(source["source"], Source);
	        this.notes = source["notes"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.completedAt = source["completedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OwnerStats {
	    ownerId: string;
	    total: number;
	    open: number;
	    done: number;
	    wontDo: number;
	    overdue: number;
	    completionRate: number;
	
	    static createFrom(source: any = {}) {
	        return new OwnerStats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ownerId = source["ownerId"];
	        this.total = source["total"];
	        this.open = source["open"];
	        this.done = source["done"];
	        this.wontDo = source["wontDo"];
	        this.overdue = source["overdue"];
	        this.completionRate = source["completionRate"];
	    }
	}
	export class Row {
	    item: Brief;
	    bucket: string;
	    daysOverdue?: number;
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.item = this.convertValues(source["item"], Brief);
	        this.bucket = source["bucket"];
	        this.daysOverdue = source["daysOverdue"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Stats {
	    total: number;
	    open: number;
	    done: number;
	    wontDo: number;
	    overdue: number;
	    completionRate: number;
	
	    static createFrom(source: any = {}) {
	        return new Stats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.open = source["open"];
	        this.done = source["done"];
	        this.wontDo = source["wontDo"];
	        this.overdue = source["overdue"];
	        this.completionRate = source["completionRate"];
	    }
	}
	export class TeamStats {
	    teamId: string;
	    name: string;
	    total: number;
	    open: number;
	    done: number;
	    wontDo: number;
	    overdue: number;
	    completionRate: number;
	
	    static createFrom(source: any = {}) {
	        return new TeamStats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.teamId = source["teamId"];
	        this.name = source["name"];
	        this.total = source["total"];
	        this.open = source["open"];
	        this.done = source["done"];
	        this.wontDo = source["wontDo"];
	        this.overdue = source["overdue"];
	        this.completionRate = source["completionRate"];
	    }
	}
	export class View {
	    today: string;
	    soonDays: number;
	    rows: Row[];
	    overdue: number;
	    dueSoon: number;
	    moreClosed?: boolean;
	    all: Stats;
	    owners: OwnerStats[];
	    teams: TeamStats[];
	
	    static createFrom(source: any = {}) {
	        return new View(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.today = source["today"];
	        this.soonDays = source["soonDays"];
	        this.rows = this.convertValues(source["rows"], Row);
	        this.overdue = source["overdue"];
	        this.dueSoon = source["dueSoon"];
	        this.moreClosed = source["moreClosed"];
	        this.all = this.convertValues(source["all"], Stats);
	        this.owners = this.convertValues(source["owners"], OwnerStats);
	        this.teams = this.convertValues(source["teams"], TeamStats);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ViewOptions {
	    filter: Filter;
	    soonDays: number;
	    closedLimit: number;
	    countsOnly?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ViewOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = this.convertValues(source["filter"], Filter);
	        this.soonDays = source["soonDays"];
	        this.closedLimit = source["closedLimit"];
	        this.countsOnly = source["countsOnly"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace growth {
	
	export class Assignment {
	    id: string;
	    title: string;
	    description?: string;
	    startDate?: string;
	    endDate?: string;
	    status: string;
	
	    static createFrom(source: any = {}) {
	        return new Assignment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.description = source["description"];
	        this.startDate = source["startDate"];
	        this.endDate = source["endDate"];
	        this.status = source["status"];
	    }
	}
	export class CheckIn {
	    next?: string;
	    days: number;
	    due: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CheckIn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.next = source["next"];
	        this.days = source["days"];
	        this.due = source["due"];
	    }
	}
	export class Evidence {
	    id: string;
	    kind: string;
	    refId: string;
	    label: string;
	    date?: string;
	    note?: string;
	
	    static createFrom(source: any = {}) {
	        return new Evidence(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.refId = source["refId"];
	        this.label = source["label"];
	        this.date = source["date"];
	        this.note = source["note"];
	    }
	}
	export class Milestone {
	    id: string;
	    title: string;
	    dueDate?: string;
	    done: boolean;
	    doneOn?: string;
	
	    static createFrom(source: any = {}) {
	        return new Milestone(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.dueDate = source["dueDate"];
	        this.done = source["done"];
	        this.doneOn = source["doneOn"];
	    }
	}
	export class Goal {
	    id: string;
	    title: string;
	    description?: string;
	    targetDate?: string;
	    status: string;
	    milestones: Milestone[];
	
	    static createFrom(source: any = {}) {
	        return new Goal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.description = source["description"];
	        this.targetDate = source["targetDate"];
	        this.status = source["status"];
	        this.milestones = this.convertValues(source["milestones"], Milestone);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class GoalDue {
	    goalId: string;
	    goalTitle: string;
	    milestoneId: string;
	    title: string;
	    dueDate: string;
	    late: boolean;
	    days: number;
	
	    static createFrom(source: any = {}) {
	        return new GoalDue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.goalId = source["goalId"];
	        this.goalTitle = source["goalTitle"];
	        this.milestoneId = source["milestoneId"];
	        this.title = source["title"];
	        this.dueDate = source["dueDate"];
	        this.late = source["late"];
	        this.days = source["days"];
	    }
	}
	export class SkillMatch {
	    name: string;
	    level: number;
	
	    static createFrom(source: any = {}) {
	        return new SkillMatch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.level = source["level"];
	    }
	}
	export class Suggestion {
	    mentorId: string;
	    mentorName: string;
	    menteeId: string;
	    menteeName: string;
	    skills: SkillMatch[];
	    level: number;
	    mentorLoad: number;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Suggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mentorId = source["mentorId"];
	        this.mentorName = source["mentorName"];
	        this.menteeId = source["menteeId"];
	        this.menteeName = source["menteeName"];
	        this.skills = this.convertValues(source["skills"], SkillMatch);
	        this.level = source["level"];
	        this.mentorLoad = source["mentorLoad"];
	        this.reason = source["reason"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Mentorship {
	    id: string;
	    mentorId: string;
	    menteeId: string;
	    focus: string[];
	    startDate: string;
	    checkInEveryDays: number;
	    lastCheckIn?: string;
	    endedOn?: string;
	    notes?: string;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Mentorship(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.mentorId = source["mentorId"];
	        this.menteeId = source["menteeId"];
	        this.focus = source["focus"];
	        this.startDate = source["startDate"];
	        this.checkInEveryDays = source["checkInEveryDays"];
	        this.lastCheckIn = source["lastCheckIn"];
	        this.endedOn = source["endedOn"];
	        this.notes = source["notes"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class Pair {
	    mentorship: Mentorship;
	    active: boolean;
	    checkIn: CheckIn;
	
	    static createFrom(source: any = {}) {
	        return new Pair(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mentorship = this.convertValues(source["mentorship"], Mentorship);
	        this.active = source["active"];
	        this.checkIn = this.convertValues(source["checkIn"], CheckIn);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Mentoring {
	    pairs: Pair[];
	    suggestions: Suggestion[];
	    today: string;
	
	    static createFrom(source: any = {}) {
	        return new Mentoring(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pairs = this.convertValues(source["pairs"], Pair);
	        this.suggestions = this.convertValues(source["suggestions"], Suggestion);
	        this.today = source["today"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class PersonMentoring {
	    mentors: Pair[];
	    mentees: Pair[];
	    suggestions: Suggestion[];
	
	    static createFrom(source: any = {}) {
	        return new PersonMentoring(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mentors = this.convertValues(source["mentors"], Pair);
	        this.mentees = this.convertValues(source["mentees"], Pair);
	        this.suggestions = this.convertValues(source["suggestions"], Suggestion);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Plan {
	    personId: string;
	    targetRole?: string;
	    targetLevel?: string;
	    growthAreas: string[];
	    summary?: string;
	    goals: Goal[];
	    stretch: Assignment[];
	    evidence: Evidence[];
	    revision: number;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Plan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.targetRole = source["targetRole"];
	        this.targetLevel = source["targetLevel"];
	        this.growthAreas = source["growthAreas"];
	        this.summary = source["summary"];
	        this.goals = this.convertValues(source["goals"], Goal);
	        this.stretch = this.convertValues(source["stretch"], Assignment);
	        this.evidence = this.convertValues(source["evidence"], Evidence);
	        this.revision = source["revision"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class View {
	    personId: string;
	    personName: string;
	    aspiration: string;
	    level?: string;
	    exists: boolean;
	    plan: Plan;
	    attention: GoalDue[];
	    ladder: string[];
	    today: string;
	
	    static createFrom(source: any = {}) {
	        return new View(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.personName = source["personName"];
	        this.aspiration = source["aspiration"];
	        this.level = source["level"];
	        this.exists = source["exists"];
	        this.plan = this.convertValues(source["plan"], Plan);
	        this.attention = this.convertValues(source["attention"], GoalDue);
	        this.ladder = source["ladder"];
	        this.today = source["today"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace handoff {
	
	export class Aggregate {
	    rotationId: string;
	    rotation: string;
	    period: string;
	    answers: number;
	    ratings: number[];
	    sleepAnswered: number;
	    sleepInterrupted: number;
	    comments: string[];
	
	    static createFrom(source: any = {}) {
	        return new Aggregate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rotationId = source["rotationId"];
	        this.rotation = source["rotation"];
	        this.period = source["period"];
	        this.answers = source["answers"];
	        this.ratings = source["ratings"];
	        this.sleepAnswered = source["sleepAnswered"];
	        this.sleepInterrupted = source["sleepInterrupted"];
	        this.comments = source["comments"];
	    }
	}
	export class ColumnMap {
	    column: string;
	    field: string;
	
	    static createFrom(source: any = {}) {
	        return new ColumnMap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.column = source["column"];
	        this.field = source["field"];
	    }
	}
	export class Record {
	    id: string;
	    rotationId: string;
	    turnStart: string;
	    turnEnd: string;
	    personId: string;
	    openIssues?: string;
	    runbookGaps?: string;
	    rating: number;
	    sleepInterrupted?: boolean;
	    comment?: string;
	    recordedAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Record(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.rotationId = source["rotationId"];
	        this.turnStart = source["turnStart"];
	        this.turnEnd = source["turnEnd"];
	        this.personId = source["personId"];
	        this.openIssues = source["openIssues"];
	        this.runbookGaps = source["runbookGaps"];
	        this.rating = source["rating"];
	        this.sleepInterrupted = source["sleepInterrupted"];
	        this.comment = source["comment"];
	        this.recordedAt = source["recordedAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class Entry {
	    rotationId: string;
	    rotation: string;
	    slot: number;
	    start: string;
	    end: string;
	    personId: string;
	    person: string;
	    ended: boolean;
	    record?: Record;
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rotationId = source["rotationId"];
	        this.rotation = source["rotation"];
	        this.slot = source["slot"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.personId = source["personId"];
	        this.person = source["person"];
	        this.ended = source["ended"];
	        this.record = this.convertValues(source["record"], Record);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Input {
	    rotationId: string;
	    turnStart: string;
	    openIssues: string;
	    runbookGaps: string;
	    rating: number;
	    sleepInterrupted: boolean;
	    comment: string;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rotationId = source["rotationId"];
	        this.turnStart = source["turnStart"];
	        this.openIssues = source["openIssues"];
	        this.runbookGaps = source["runbookGaps"];
	        this.rating = source["rating"];
	        this.sleepInterrupted = source["sleepInterrupted"];
	        this.comment = source["comment"];
	    }
	}
	export class Mapping {
	    columns: ColumnMap[];
	    period: string;
	
	    static createFrom(source: any = {}) {
	        return new Mapping(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.columns = this.convertValues(source["columns"], ColumnMap);
	        this.period = source["period"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class RotationHealth {
	    rotationId: string;
	    rotation: string;
	    turns: number;
	    recorded: number;
	    ratings: number[];
	    mean: number;
	    sleepInterrupted: number;
	    survey: Aggregate[];
	
	    static createFrom(source: any = {}) {
	        return new RotationHealth(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rotationId = source["rotationId"];
	        this.rotation = source["rotation"];
	        this.turns = source["turns"];
	        this.recorded = source["recorded"];
	        this.ratings = source["ratings"];
	        this.mean = source["mean"];
	        this.sleepInterrupted = source["sleepInterrupted"];
	        this.survey = this.convertValues(source["survey"], Aggregate);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SurveyPreview {
	    file: string;
	    fingerprint: string;
	    headers: string[];
	    mapping: Mapping;
	    aggregates: Aggregate[];
	    answers: number;
	    skipped: number;
	    problems: string[];
	    ignored: string[];
	    importedAt: string;
	    mappingErrors: string[];
	
	    static createFrom(source: any = {}) {
	        return new SurveyPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.fingerprint = source["fingerprint"];
	        this.headers = source["headers"];
	        this.mapping = this.convertValues(source["mapping"], Mapping);
	        this.aggregates = this.convertValues(source["aggregates"], Aggregate);
	        this.answers = source["answers"];
	        this.skipped = source["skipped"];
	        this.problems = source["problems"];
	        this.ignored = source["ignored"];
	        this.importedAt = source["importedAt"];
	        this.mappingErrors = source["mappingErrors"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace incident {
	
	export class Duration {
	    n: number;
	    mean: number;
	    median: number;
	
	    static createFrom(source: any = {}) {
	        return new Duration(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.n = source["n"];
	        this.mean = source["mean"];
	        this.median = source["median"];
	    }
	}
	export class Entry {
	    id: string;
	    at: string;
	    kind: string;
	    auto?: boolean;
	    text?: string;
	    authorId: string;
	    from?: string;
	    to?: string;
	    role?: string;
	    personId: string;
	    annotation?: string;
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.kind = source["kind"];
	        this.auto = source["auto"];
	        this.text = source["text"];
	        this.authorId = source["authorId"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.role = source["role"];
	        this.personId = source["personId"];
	        this.annotation = source["annotation"];
	    }
	}
	export class Filter {
	    statuses?: string[];
	    severities?: number[];
	    serviceId: string;
	    tag?: string;
	    from: string;
	    to: string;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.statuses = source["statuses"];
	        this.severities = source["severities"];
	        this.serviceId = source["serviceId"];
	        this.tag = source["tag"];
	        this.from = source["from"];
	        this.to = source["to"];
	    }
	}
	export class Review {
	    state: string;
	    dueDate?: string;
	    summary?: string;
	    impact?: string;
	    timeline?: string;
	    rootCause?: string;
	    contributingFactors?: string[];
	    wentWell?: string;
	    wentPoorly?: string;
	    lessons?: string;
	    skipReason?: string;
	    skippedBy: string;
	    skippedAt: string;
	    completedAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Review(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.dueDate = source["dueDate"];
	        this.summary = source["summary"];
	        this.impact = source["impact"];
	        this.timeline = source["timeline"];
	        this.rootCause = source["rootCause"];
	        this.contributingFactors = source["contributingFactors"];
	        this.wentWell = source["wentWell"];
	        this.wentPoorly = source["wentPoorly"];
	        this.lessons = source["lessons"];
	        this.skipReason = source["skipReason"];
	        this.skippedBy = source["skippedBy"];
	        this.skippedAt = source["skippedAt"];
	        this.completedAt = source["completedAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class Participant {
	    personId: string;
	    joinedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Participant(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.joinedAt = source["joinedAt"];
	    }
	}
	export class Incident {
	    id: string;
	    title: string;
	    summary?: string;
	    severity: number;
	    status: string;
	    startedAt: string;
	    detectedAt: string;
	    acknowledgedAt: string;
	    mitigatedAt: string;
	    resolvedAt: string;
	    commanderId: string;
	    scribeId: string;
	    commsId: string;
	    responderIds?: string[];
	    participants?: Participant[];
	    affectedServiceIds?: string[];
	    customerImpact?: string;
	    tags?: string[];
	    escalated?: boolean;
	    timeline?: Entry[];
	    review: Review;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Incident(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.summary = source["summary"];
	        this.severity = source["severity"];
	        this.status = source["status"];
	        this.startedAt = source["startedAt"];
	        this.detectedAt = source["detectedAt"];
	        this.acknowledgedAt = source["acknowledgedAt"];
	        this.mitigatedAt = source["mitigatedAt"];
	        this.resolvedAt = source["resolvedAt"];
	        this.commanderId = source["commanderId"];
	        this.scribeId = source["scribeId"];
	        this.commsId = source["commsId"];
	        this.responderIds = source["responderIds"];
	        this.participants = this.convertValues(source["participants"], Participant);
	        this.affectedServiceIds = source["affectedServiceIds"];
	        this.customerImpact = source["customerImpact"];
	        this.tags = source["tags"];
	        this.escalated = source["escalated"];
	        this.timeline = this.convertValues(source["timeline"], Entry);
	        this.review = this.convertValues(source["review"], Review);
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Rate {
	    num: number;
	    den: number;
	    value: number;
	
	    static createFrom(source: any = {}) {
	        return new Rate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.num = source["num"];
	        this.den = source["den"];
	        this.value = source["value"];
	    }
	}
	export class ServiceStat {
	    serviceId: string;
	    service: string;
	    incidents: number;
	    mtta: Duration;
	    mttr: Duration;
	
	    static createFrom(source: any = {}) {
	        return new ServiceStat(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.serviceId = source["serviceId"];
	        this.service = source["service"];
	        this.incidents = source["incidents"];
	        this.mtta = this.convertValues(source["mtta"], Duration);
	        this.mttr = this.convertValues(source["mttr"], Duration);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ServiceMonth {
	    serviceId: string;
	    service: string;
	    month: string;
	    incidents: number;
	
	    static createFrom(source: any = {}) {
	        return new ServiceMonth(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.serviceId = source["serviceId"];
	        this.service = source["service"];
	        this.month = source["month"];
	        this.incidents = source["incidents"];
	    }
	}
	export class MonthStat {
	    month: string;
	    incidents: number;
	    mtta: Duration;
	    mttr: Duration;
	
	    static createFrom(source: any = {}) {
	        return new MonthStat(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.incidents = source["incidents"];
	        this.mtta = this.convertValues(source["mtta"], Duration);
	        this.mttr = this.convertValues(source["mttr"], Duration);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SeverityStat {
	    severity: number;
	    label: string;
	    incidents: number;
	    mtta: Duration;
	    mttr: Duration;
	
	    static createFrom(source: any = {}) {
	        return new SeverityStat(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.severity = source["severity"];
	        this.label = source["label"];
	        this.incidents = source["incidents"];
	        this.mtta = this.convertValues(source["mtta"], Duration);
	        this.mttr = this.convertValues(source["mttr"], Duration);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Metrics {
	    from: string;
	    to: string;
	    zone: string;
	    today: string;
	    incidents: number;
	    open: number;
	    mtta: Duration;
	    mttr: Duration;
	    bySeverity: SeverityStat[];
	    byMonth: MonthStat[];
	    byServiceMonth: ServiceMonth[];
	    byService: ServiceStat[];
	    escalation: Rate;
	    reviewCompletion: Rate;
	    followUpCompletion: Rate;
	
	    static createFrom(source: any = {}) {
	        return new Metrics(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.zone = source["zone"];
	        this.today = source["today"];
	        this.incidents = source["incidents"];
	        this.open = source["open"];
	        this.mtta = this.convertValues(source["mtta"], Duration);
	        this.mttr = this.convertValues(source["mttr"], Duration);
	        this.bySeverity = this.convertValues(source["bySeverity"], SeverityStat);
	        this.byMonth = this.convertValues(source["byMonth"], MonthStat);
	        this.byServiceMonth = this.convertValues(source["byServiceMonth"], ServiceMonth);
	        this.byService = this.convertValues(source["byService"], ServiceStat);
	        this.escalation = this.convertValues(source["escalation"], Rate);
	        this.reviewCompletion = this.convertValues(source["reviewCompletion"], Rate);
	        this.followUpCompletion = this.convertValues(source["followUpCompletion"], Rate);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Pattern {
	    kind: string;
	    key: string;
	    also?: string[];
	    label: string;
	    count: number;
	    days: number;
	    incidentIds: string[];
	
	    static createFrom(source: any = {}) {
	        return new Pattern(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.key = source["key"];
	        this.also = source["also"];
	        this.label = source["label"];
	        this.count = source["count"];
	        this.days = source["days"];
	        this.incidentIds = source["incidentIds"];
	    }
	}
	export class Page {
	    metrics: Metrics;
	    patterns: Pattern[];
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.metrics = this.convertValues(source["metrics"], Metrics);
	        this.patterns = this.convertValues(source["patterns"], Pattern);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	export class RolesInput {
	    commanderId: string;
	    scribeId: string;
	    commsId: string;
	    responderIds?: string[];
	    at: string;
	    by: string;
	
	    static createFrom(source: any = {}) {
	        return new RolesInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.commanderId = source["commanderId"];
	        this.scribeId = source["scribeId"];
	        this.commsId = source["commsId"];
	        this.responderIds = source["responderIds"];
	        this.at = source["at"];
	        this.by = source["by"];
	    }
	}
	
	
	export class SeverityLevel {
	    label: string;
	    description?: string;
	
	    static createFrom(source: any = {}) {
	        return new SeverityLevel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.description = source["description"];
	    }
	}
	export class Settings {
	    severities: SeverityLevel[];
	    reviewDueBusinessDays: number;
	    causeKeywords: string[];
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.severities = this.convertValues(source["severities"], SeverityLevel);
	        this.reviewDueBusinessDays = source["reviewDueBusinessDays"];
	        this.causeKeywords = source["causeKeywords"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SeverityInput {
	    severity: number;
	    at: string;
	    by: string;
	    note?: string;
	
	    static createFrom(source: any = {}) {
	        return new SeverityInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.severity = source["severity"];
	        this.at = source["at"];
	        this.by = source["by"];
	        this.note = source["note"];
	    }
	}
	
	
	export class Summary {
	    id: string;
	    title: string;
	    severity: number;
	    status: string;
	    startedAt: string;
	    detectedAt: string;
	    acknowledgedAt: string;
	    mitigatedAt: string;
	    resolvedAt: string;
	    commanderId: string;
	    serviceIds: string[];
	    tags: string[];
	    escalated: boolean;
	    reviewState: string;
	    reviewDue?: string;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.severity = source["severity"];
	        this.status = source["status"];
	        this.startedAt = source["startedAt"];
	        this.detectedAt = source["detectedAt"];
	        this.acknowledgedAt = source["acknowledgedAt"];
	        this.mitigatedAt = source["mitigatedAt"];
	        this.resolvedAt = source["resolvedAt"];
	        this.commanderId = source["commanderId"];
	        this.serviceIds = source["serviceIds"];
	        this.tags = source["tags"];
	        this.escalated = source["escalated"];
	        this.reviewState = source["reviewState"];
	        this.reviewDue = source["reviewDue"];
	    }
	}
	export class TransitionInput {
	    to: string;
	    at: string;
	    by: string;
	    note?: string;
	
	    static createFrom(source: any = {}) {
	        return new TransitionInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.to = source["to"];
	        this.at = source["at"];
	        this.by = source["by"];
	        this.note = source["note"];
	    }
	}
	export class Window {
	    from: string;
	    to: string;
	    today?: string;
	
	    static createFrom(source: any = {}) {
	        return new Window(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.today = source["today"];
	    }
	}

}

export namespace oncall {
	
	export class SwapView {
	    id: string;
	    rotationId: string;
	    slotA: number;
	    slotB: number;
	    note?: string;
	    createdAt: string;
	    updatedAt: string;
	    startA: string;
	    endA: string;
	    startB: string;
	    endB: string;
	    personA: string;
	    personB: string;
	
	    static createFrom(source: any = {}) {
	        return new SwapView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.rotationId = source["rotationId"];
	        this.slotA = source["slotA"];
	        this.slotB = source["slotB"];
	        this.note = source["note"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.startA = source["startA"];
	        this.endA = source["endA"];
	        this.startB = source["startB"];
	        this.endB = source["endB"];
	        this.personA = source["personA"];
	        this.personB = source["personB"];
	    }
	}
	export class Override {
	    id: string;
	    rotationId: string;
	    personId: string;
	    start: string;
	    end: string;
	    note?: string;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Override(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.rotationId = source["rotationId"];
	        this.personId = source["personId"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.note = source["note"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class Adjustments {
	    since: string;
	    overrides: Override[];
	    swaps: SwapView[];
	    older: Record<string, number>;
	
	    static createFrom(source: any = {}) {
	        return new Adjustments(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.since = source["since"];
	        this.overrides = this.convertValues(source["overrides"], Override);
	        this.swaps = this.convertValues(source["swaps"], SwapView);
	        this.older = source["older"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RegionPay {
	    regionId: string;
	    currency: string;
	    weekdayRate: number;
	    weekendRate: number;
	    holidayRate: number;
	    holidayMultiplier: number;
	    turnStipend: number;
	    dayStipend: number;
	    weekStipend: number;
	
	    static createFrom(source: any = {}) {
	        return new RegionPay(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.regionId = source["regionId"];
	        this.currency = source["currency"];
	        this.weekdayRate = source["weekdayRate"];
	        this.weekendRate = source["weekendRate"];
	        this.holidayRate = source["holidayRate"];
	        this.holidayMultiplier = source["holidayMultiplier"];
	        this.turnStipend = source["turnStipend"];
	        this.dayStipend = source["dayStipend"];
	        this.weekStipend = source["weekStipend"];
	    }
	}
	export class Compensation {
	    mode: string;
	    currency?: string;
	    weekdayRate: number;
	    weekendRate: number;
	    holidayRate: number;
	    timeOffRatio: number;
	    holidayMultiplier?: number;
	    turnStipend?: number;
	    dayStipend?: number;
	    weekStipend?: number;
	    regions?: RegionPay[];
	    layers?: string;
	
	    static createFrom(source: any = {}) {
	        return new Compensation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mode = source["mode"];
	        this.currency = source["currency"];
	        this.weekdayRate = source["weekdayRate"];
	        this.weekendRate = source["weekendRate"];
	        this.holidayRate = source["holidayRate"];
	        this.timeOffRatio = source["timeOffRatio"];
	        this.holidayMultiplier = source["holidayMultiplier"];
	        this.turnStipend = source["turnStipend"];
	        this.dayStipend = source["dayStipend"];
	        this.weekStipend = source["weekStipend"];
	        this.regions = this.convertValues(source["regions"], RegionPay);
	        this.layers = source["layers"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CurrencyTotal {
	    currency: string;
	    amount: number;
	
	    static createFrom(source: any = {}) {
	        return new CurrencyTotal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.currency = source["currency"];
	        this.amount = source["amount"];
	    }
	}
	export class CompensationRow {
	    personId: string;
	    name: string;
	    region?: string;
	    regionRates?: boolean;
	    currency?: string;
	    weekdayHours: number;
	    weekendHours: number;
	    holidayHours: number;
	    totalHours: number;
	    overlapHours: number;
	    turns: number;
	    days: number;
	    holidayDays: number;
	    hourlyPay: number;
	    stipends: number;
	    amount: number;
	    timeOffHours: number;
	    lines: string[];
	
	    static createFrom(source: any = {}) {
	        return new CompensationRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.name = source["name"];
	        this.region = source["region"];
	        this.regionRates = source["regionRates"];
	        this.currency = source["currency"];
	        this.weekdayHours = source["weekdayHours"];
	        this.weekendHours = source["weekendHours"];
	        this.holidayHours = source["holidayHours"];
	        this.totalHours = source["totalHours"];
	        this.overlapHours = source["overlapHours"];
	        this.turns = source["turns"];
	        this.days = source["days"];
	        this.holidayDays = source["holidayDays"];
	        this.hourlyPay = source["hourlyPay"];
	        this.stipends = source["stipends"];
	        this.amount = source["amount"];
	        this.timeOffHours = source["timeOffHours"];
	        this.lines = source["lines"];
	    }
	}
	export class CompensationReport {
	    month: string;
	    mode: string;
	    layers: string;
	    currency?: string;
	    rows: CompensationRow[];
	    total: number;
	    totals: CurrencyTotal[];
	
	    static createFrom(source: any = {}) {
	        return new CompensationReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.mode = source["mode"];
	        this.layers = source["layers"];
	        this.currency = source["currency"];
	        this.rows = this.convertValues(source["rows"], CompensationRow);
	        this.total = source["total"];
	        this.totals = this.convertValues(source["totals"], CurrencyTotal);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class LedgerEntry {
	    rotationId: string;
	    slot: number;
	    start: string;
	    skippedId: string;
	    coveredById: string;
	    why: string;
	    paidBack?: boolean;
	    paidSlot?: number;
	
	    static createFrom(source: any = {}) {
	        return new LedgerEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rotationId = source["rotationId"];
	        this.slot = source["slot"];
	        this.start = source["start"];
	        this.skippedId = source["skippedId"];
	        this.coveredById = source["coveredById"];
	        this.why = source["why"];
	        this.paidBack = source["paidBack"];
	        this.paidSlot = source["paidSlot"];
	    }
	}
	export class FairnessRow {
	    personId: string;
	    name: string;
	    shifts: number;
	    overrides: number;
	    hours: number;
	    weekendHours: number;
	    holidayHours: number;
	    nightHours: number;
	    weeksOnCall: number;
	    weeks: number;
	    frequency: number;
	    tooFrequent: boolean;
	    heavier: boolean;
	    longestStretch: number;
	    longStretch: boolean;
	    owes: number;
	    owed: number;
	    paidBack: number;
	    firstHours: number;
	    pages: number;
	    sleepPages: number;
	    pagesPerOnCallDay: number;
	
	    static createFrom(source: any = {}) {
	        return new FairnessRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.name = source["name"];
	        this.shifts = source["shifts"];
	        this.overrides = source["overrides"];
	        this.hours = source["hours"];
	        this.weekendHours = source["weekendHours"];
	        this.holidayHours = source["holidayHours"];
	        this.nightHours = source["nightHours"];
	        this.weeksOnCall = source["weeksOnCall"];
	        this.weeks = source["weeks"];
	        this.frequency = source["frequency"];
	        this.tooFrequent = source["tooFrequent"];
	        this.heavier = source["heavier"];
	        this.longestStretch = source["longestStretch"];
	        this.longStretch = source["longStretch"];
	        this.owes = source["owes"];
	        this.owed = source["owed"];
	        this.paidBack = source["paidBack"];
	        this.firstHours = source["firstHours"];
	        this.pages = source["pages"];
	        this.sleepPages = source["sleepPages"];
	        this.pagesPerOnCallDay = source["pagesPerOnCallDay"];
	    }
	}
	export class FairnessReport {
	    from: string;
	    to: string;
	    rows: FairnessRow[];
	    ledger: LedgerEntry[];
	    warnings: string[];
	    pagingImported: boolean;
	
	    static createFrom(source: any = {}) {
	        return new FairnessReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.rows = this.convertValues(source["rows"], FairnessRow);
	        this.ledger = this.convertValues(source["ledger"], LedgerEntry);
	        this.warnings = source["warnings"];
	        this.pagingImported = source["pagingImported"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class FinalShift {
	    start: string;
	    end: string;
	    rotationId: string;
	    rotation?: string;
	    layer?: number;
	    slot: number;
	    personId: string;
	    reason: string;
	    replacedPersonId: string;
	    unavailable?: boolean;
	    gap?: boolean;
	    unstaffed?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new FinalShift(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.start = source["start"];
	        this.end = source["end"];
	        this.rotationId = source["rotationId"];
	        this.rotation = source["rotation"];
	        this.layer = source["layer"];
	        this.slot = source["slot"];
	        this.personId = source["personId"];
	        this.reason = source["reason"];
	        this.replacedPersonId = source["replacedPersonId"];
	        this.unavailable = source["unavailable"];
	        this.gap = source["gap"];
	        this.unstaffed = source["unstaffed"];
	    }
	}
	export class Gap {
	    schedule: string;
	    teamId: string;
	    rotationIds: string[];
	    requirement: string;
	    start: string;
	    end: string;
	    unstaffed?: boolean;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Gap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.schedule = source["schedule"];
	        this.teamId = source["teamId"];
	        this.rotationIds = source["rotationIds"];
	        this.requirement = source["requirement"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.unstaffed = source["unstaffed"];
	        this.reason = source["reason"];
	    }
	}
	export class Holiday {
	    date: string;
	    name: string;
	    source?: string;
	    calendarUid?: string;
	    calendar?: string;
	
	    static createFrom(source: any = {}) {
	        return new Holiday(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.name = source["name"];
	        this.source = source["source"];
	        this.calendarUid = source["calendarUid"];
	        this.calendar = source["calendar"];
	    }
	}
	
	
	export class Region {
	    id: string;
	    name: string;
	    memberIds: string[];
	    holidays: Holiday[];
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Region(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.memberIds = source["memberIds"];
	        this.holidays = this.convertValues(source["holidays"], Holiday);
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Restriction {
	    weekdays: string[];
	    start: string;
	    end: string;
	
	    static createFrom(source: any = {}) {
	        return new Restriction(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.weekdays = source["weekdays"];
	        this.start = source["start"];
	        this.end = source["end"];
	    }
	}
	export class ShiftLength {
	    n: number;
	    unit: string;
	
	    static createFrom(source: any = {}) {
	        return new ShiftLength(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.n = source["n"];
	        this.unit = source["unit"];
	    }
	}
	export class Rotation {
	    id: string;
	    name: string;
	    teamId: string;
	    scheduleName?: string;
	    layer: number;
	    timezone: string;
	    participants: string[];
	    shiftLength: ShiftLength;
	    handoffTime: string;
	    startDate: string;
	    restriction?: Restriction;
	    requiredCoverage: string;
	    payback?: boolean;
	    notifyHandoffs?: boolean;
	    colors?: Record<string, string>;
	    description?: string;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Rotation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.teamId = source["teamId"];
	        this.scheduleName = source["scheduleName"];
	        this.layer = source["layer"];
	        this.timezone = source["timezone"];
	        this.participants = source["participants"];
	        this.shiftLength = this.convertValues(source["shiftLength"], ShiftLength);
	        this.handoffTime = source["handoffTime"];
	        this.startDate = source["startDate"];
	        this.restriction = this.convertValues(source["restriction"], Restriction);
	        this.requiredCoverage = source["requiredCoverage"];
	        this.payback = source["payback"];
	        this.notifyHandoffs = source["notifyHandoffs"];
	        this.colors = source["colors"];
	        this.description = source["description"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Turn {
	    personId: string;
	    name: string;
	    timezone: string;
	    start: string;
	    end: string;
	    reason: string;
	    gap?: boolean;
	    unavailable?: boolean;
	    replaced?: string;
	    rotation?: string;
	
	    static createFrom(source: any = {}) {
	        return new Turn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.name = source["name"];
	        this.timezone = source["timezone"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.reason = source["reason"];
	        this.gap = source["gap"];
	        this.unavailable = source["unavailable"];
	        this.replaced = source["replaced"];
	        this.rotation = source["rotation"];
	    }
	}
	export class RotationNow {
	    rotationId: string;
	    rotation: string;
	    layer: number;
	    timezone: string;
	    now?: Turn;
	    next?: Turn;
	
	    static createFrom(source: any = {}) {
	        return new RotationNow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rotationId = source["rotationId"];
	        this.rotation = source["rotation"];
	        this.layer = source["layer"];
	        this.timezone = source["timezone"];
	        this.now = this.convertValues(source["now"], Turn);
	        this.next = this.convertValues(source["next"], Turn);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ScheduleWarning {
	    kind: string;
	    rotationId: string;
	    personId: string;
	    slot: number;
	    start: string;
	    end: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new ScheduleWarning(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.rotationId = source["rotationId"];
	        this.personId = source["personId"];
	        this.slot = source["slot"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.message = source["message"];
	    }
	}
	export class Settings {
	    compensation: Compensation;
	    notifyPersonIds?: string[];
	    gapWarningDays: number;
	    fairnessSpreadLimit: number;
	    pagesPerDayLimit: number;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.compensation = this.convertValues(source["compensation"], Compensation);
	        this.notifyPersonIds = source["notifyPersonIds"];
	        this.gapWarningDays = source["gapWarningDays"];
	        this.fairnessSpreadLimit = source["fairnessSpreadLimit"];
	        this.pagesPerDayLimit = source["pagesPerDayLimit"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Shift {
	    rotationId: string;
	    slot: number;
	    piece: number;
	    start: string;
	    end: string;
	    personId: string;
	    reason: string;
	    replacedPersonId: string;
	    gap?: boolean;
	    unavailable?: boolean;
	    notes?: string;
	
	    static createFrom(source: any = {}) {
	        return new Shift(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rotationId = source["rotationId"];
	        this.slot = source["slot"];
	        this.piece = source["piece"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.personId = source["personId"];
	        this.reason = source["reason"];
	        this.replacedPersonId = source["replacedPersonId"];
	        this.gap = source["gap"];
	        this.unavailable = source["unavailable"];
	        this.notes = source["notes"];
	    }
	}
	
	export class Swap {
	    id: string;
	    rotationId: string;
	    slotA: number;
	    slotB: number;
	    note?: string;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Swap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.rotationId = source["rotationId"];
	        this.slotA = source["slotA"];
	        this.slotB = source["slotB"];
	        this.note = source["note"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	
	export class TeamOnCall {
	    teamId: string;
	    team: string;
	    now?: Turn;
	    next?: Turn;
	    rotations: RotationNow[];
	
	    static createFrom(source: any = {}) {
	        return new TeamOnCall(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.teamId = source["teamId"];
	        this.team = source["team"];
	        this.now = this.convertValues(source["now"], Turn);
	        this.next = this.convertValues(source["next"], Turn);
	        this.rotations = this.convertValues(source["rotations"], RotationNow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TimeOff {
	    id: string;
	    personId: string;
	    kind: string;
	    startDate?: string;
	    endDate?: string;
	    start: string;
	    end: string;
	    note?: string;
	    source: string;
	    calendarUid?: string;
	    calendar?: string;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new TimeOff(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.personId = source["personId"];
	        this.kind = source["kind"];
	        this.startDate = source["startDate"];
	        this.endDate = source["endDate"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.note = source["note"];
	        this.source = source["source"];
	        this.calendarUid = source["calendarUid"];
	        this.calendar = source["calendar"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}

}

export namespace oneonone {
	
	export class AgendaItem {
	    id: string;
	    text: string;
	    by: string;
	    done: boolean;
	    originId: string;
	    carriedFrom?: string;
	    carried?: number;
	    notes?: string;
	
	    static createFrom(source: any = {}) {
	        return new AgendaItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.text = source["text"];
	        this.by = source["by"];
	        this.done = source["done"];
	        this.originId = source["originId"];
	        this.carriedFrom = source["carriedFrom"];
	        this.carried = source["carried"];
	        this.notes = source["notes"];
	    }
	}
	export class CadenceStatus {
	    personId: string;
	    name: string;
	    cadence: string;
	    cadenceDays: number;
	    paused?: boolean;
	    lastHeld?: string;
	    daysSince: number;
	    nextDue: string;
	    overdue: boolean;
	    daysOverdue?: number;
	    nextPlanned?: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new CadenceStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.name = source["name"];
	        this.cadence = source["cadence"];
	        this.cadenceDays = source["cadenceDays"];
	        this.paused = source["paused"];
	        this.lastHeld = source["lastHeld"];
	        this.daysSince = source["daysSince"];
	        this.nextDue = source["nextDue"];
	        this.overdue = source["overdue"];
	        this.daysOverdue = source["daysOverdue"];
	        this.nextPlanned = source["nextPlanned"];
	        this.message = source["message"];
	    }
	}
	export class Meeting {
	    id: string;
	    personId: string;
	    date: string;
	    status: string;
	    agenda: AgendaItem[];
	    sharedNotes?: string;
	    privateNotes?: string;
	    mood?: number;
	    energy?: number;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Meeting(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.personId = source["personId"];
	        this.date = source["date"];
	        this.status = source["status"];
	        this.agenda = this.convertValues(source["agenda"], AgendaItem);
	        this.sharedNotes = source["sharedNotes"];
	        this.privateNotes = source["privateNotes"];
	        this.mood = source["mood"];
	        this.energy = source["energy"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Series {
	    personId: string;
	    cadence: string;
	    weekday: number;
	    time: string;
	    durationMinutes: number;
	    startDate: string;
	    paused?: boolean;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Series(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.cadence = source["cadence"];
	        this.weekday = source["weekday"];
	        this.time = source["time"];
	        this.durationMinutes = source["durationMinutes"];
	        this.startDate = source["startDate"];
	        this.paused = source["paused"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class Slot {
	    date: string;
	    start: string;
	    end: string;
	    managerZone: string;
	    reportZone: string;
	    sameZone: boolean;
	    reportWeekday: number;
	    reportTime: string;
	    reportEndTime: string;
	    outsideHours: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Slot(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.managerZone = source["managerZone"];
	        this.reportZone = source["reportZone"];
	        this.sameZone = source["sameZone"];
	        this.reportWeekday = source["reportWeekday"];
	        this.reportTime = source["reportTime"];
	        this.reportEndTime = source["reportEndTime"];
	        this.outsideHours = source["outsideHours"];
	    }
	}

}

export namespace pages {
	
	export class Column {
	    name: string;
	    fields: string[];
	    by: string;
	    zone?: string;
	    sample: string;
	
	    static createFrom(source: any = {}) {
	        return new Column(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.fields = source["fields"];
	        this.by = source["by"];
	        this.zone = source["zone"];
	        this.sample = source["sample"];
	    }
	}
	export class Flag {
	    personId: string;
	    kind: string;
	    week?: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Flag(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.kind = source["kind"];
	        this.week = source["week"];
	        this.reason = source["reason"];
	    }
	}
	export class WeekLoad {
	    week: string;
	    pages: number;
	    business: number;
	    offHours: number;
	    sleep: number;
	    shifts: number;
	    onCallDays: number;
	    pagesPerShift: number;
	    pagesPerOnCallDay: number;
	    mttaSeconds?: number;
	    mttrSeconds?: number;
	
	    static createFrom(source: any = {}) {
	        return new WeekLoad(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.week = source["week"];
	        this.pages = source["pages"];
	        this.business = source["business"];
	        this.offHours = source["offHours"];
	        this.sleep = source["sleep"];
	        this.shifts = source["shifts"];
	        this.onCallDays = source["onCallDays"];
	        this.pagesPerShift = source["pagesPerShift"];
	        this.pagesPerOnCallDay = source["pagesPerOnCallDay"];
	        this.mttaSeconds = source["mttaSeconds"];
	        this.mttrSeconds = source["mttrSeconds"];
	    }
	}
	export class GroupHealth {
	    id: string;
	    name: string;
	    pages: number;
	    business: number;
	    offHours: number;
	    sleep: number;
	    shifts: number;
	    onCallDays: number;
	    pagesPerShift: number;
	    pagesPerOnCallDay: number;
	    mttaSeconds?: number;
	    mttrSeconds?: number;
	    weeks: WeekLoad[];
	
	    static createFrom(source: any = {}) {
	        return new GroupHealth(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.pages = source["pages"];
	        this.business = source["business"];
	        this.offHours = source["offHours"];
	        this.sleep = source["sleep"];
	        this.shifts = source["shifts"];
	        this.onCallDays = source["onCallDays"];
	        this.pagesPerShift = source["pagesPerShift"];
	        this.pagesPerOnCallDay = source["pagesPerOnCallDay"];
	        this.mttaSeconds = source["mttaSeconds"];
	        this.mttrSeconds = source["mttrSeconds"];
	        this.weeks = this.convertValues(source["weeks"], WeekLoad);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Noise {
	    name: string;
	    pages: number;
	    autoResolvedShare: number;
	    unackedShare: number;
	
	    static createFrom(source: any = {}) {
	        return new Noise(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.pages = source["pages"];
	        this.autoResolvedShare = source["autoResolvedShare"];
	        this.unackedShare = source["unackedShare"];
	    }
	}
	export class PersonHealth {
	    personId: string;
	    person: string;
	    timezone: string;
	    pages: number;
	    business: number;
	    offHours: number;
	    sleep: number;
	    shifts: number;
	    onCallDays: number;
	    pagesPerShift: number;
	    pagesPerOnCallDay: number;
	    mttaSeconds?: number;
	    mttrSeconds?: number;
	    weeks: WeekLoad[];
	
	    static createFrom(source: any = {}) {
	        return new PersonHealth(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.person = source["person"];
	        this.timezone = source["timezone"];
	        this.pages = source["pages"];
	        this.business = source["business"];
	        this.offHours = source["offHours"];
	        this.sleep = source["sleep"];
	        this.shifts = source["shifts"];
	        this.onCallDays = source["onCallDays"];
	        this.pagesPerShift = source["pagesPerShift"];
	        this.pagesPerOnCallDay = source["pagesPerOnCallDay"];
	        this.mttaSeconds = source["mttaSeconds"];
	        this.mttrSeconds = source["mttrSeconds"];
	        this.weeks = this.convertValues(source["weeks"], WeekLoad);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class HealthReport {
	    from: string;
	    to: string;
	    pages: number;
	    noResponder: number;
	    people: PersonHealth[];
	    rotations: GroupHealth[];
	    teams: GroupHealth[];
	    alerts: Noise[];
	    services: Noise[];
	    flags: Flag[];
	
	    static createFrom(source: any = {}) {
	        return new HealthReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.pages = source["pages"];
	        this.noResponder = source["noResponder"];
	        this.people = this.convertValues(source["people"], PersonHealth);
	        this.rotations = this.convertValues(source["rotations"], GroupHealth);
	        this.teams = this.convertValues(source["teams"], GroupHealth);
	        this.alerts = this.convertValues(source["alerts"], Noise);
	        this.services = this.convertValues(source["services"], Noise);
	        this.flags = this.convertValues(source["flags"], Flag);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportLog {
	    id: number[];
	    file: string;
	    fingerprint: string;
	    source: string;
	    state: string;
	    // Go type: time
	    startedAt: any;
	    // Go type: time
	    finishedAt: any;
	    added: number;
	    updated: number;
	    unchanged: number;
	    skipped: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportLog(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.file = source["file"];
	        this.fingerprint = source["fingerprint"];
	        this.source = source["source"];
	        this.state = source["state"];
	        this.startedAt = this.convertValues(source["startedAt"], null);
	        this.finishedAt = this.convertValues(source["finishedAt"], null);
	        this.added = source["added"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.skipped = source["skipped"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class NameCount {
	    name: string;
	    pages: number;
	
	    static createFrom(source: any = {}) {
	        return new NameCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.pages = source["pages"];
	    }
	}
	
	
	export class RememberedInfo {
	    // Go type: time
	    savedAt: any;
	    columns: number;
	    people: number;
	
	    static createFrom(source: any = {}) {
	        return new RememberedInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.savedAt = this.convertValues(source["savedAt"], null);
	        this.columns = source["columns"];
	        this.people = source["people"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RowError {
	    line: number;
	    field?: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new RowError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.field = source["field"];
	        this.message = source["message"];
	    }
	}
	export class Result {
	    source: string;
	    fingerprint: string;
	    bytes: number;
	    rows: number;
	    added: number;
	    updated: number;
	    unchanged: number;
	    duplicates: number;
	    badRows: number;
	    bad: RowError[];
	    byAcknowledger: number;
	    byOnCall: number;
	    noResponder: number;
	    unmatched: NameCount[];
	    unmatchedNames: number;
	    columns: string[];
	    applied: boolean;
	    signature: string;
	    header: Column[];
	    missing: string[];
	    problem?: string;
	    // Go type: time
	    first: any;
	    // Go type: time
	    last: any;
	    columnMap: Record<string, string>;
	    personMap: Record<string, string>;
	    remembered?: RememberedInfo;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.source = source["source"];
	        this.fingerprint = source["fingerprint"];
	        this.bytes = source["bytes"];
	        this.rows = source["rows"];
	        this.added = source["added"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.duplicates = source["duplicates"];
	        this.badRows = source["badRows"];
	        this.bad = this.convertValues(source["bad"], RowError);
	        this.byAcknowledger = source["byAcknowledger"];
	        this.byOnCall = source["byOnCall"];
	        this.noResponder = source["noResponder"];
	        this.unmatched = this.convertValues(source["unmatched"], NameCount);
	        this.unmatchedNames = source["unmatchedNames"];
	        this.columns = source["columns"];
	        this.applied = source["applied"];
	        this.signature = source["signature"];
	        this.header = this.convertValues(source["header"], Column);
	        this.missing = source["missing"];
	        this.problem = source["problem"];
	        this.first = this.convertValues(source["first"], null);
	        this.last = this.convertValues(source["last"], null);
	        this.columnMap = source["columnMap"];
	        this.personMap = source["personMap"];
	        this.remembered = this.convertValues(source["remembered"], RememberedInfo);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

export namespace search {
	
	export class Hit {
	    kind: string;
	    id: string;
	    person?: string;
	    team?: string;
	    title: string;
	    detail: string;
	    snippet?: string;
	    inactive?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Hit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.person = source["person"];
	        this.team = source["team"];
	        this.title = source["title"];
	        this.detail = source["detail"];
	        this.snippet = source["snippet"];
	        this.inactive = source["inactive"];
	    }
	}

}

export namespace today {
	
	export class Away {
	    timeOffId: string;
	    personId: string;
	    name?: string;
	    timezone?: string;
	    kind: string;
	    startDate?: string;
	    endDate?: string;
	    start: string;
	    end: string;
	    holiday?: string;
	    regionId: string;
	    region?: string;
	    people?: string[];
	    now: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Away(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.timeOffId = source["timeOffId"];
	        this.personId = source["personId"];
	        this.name = source["name"];
	        this.timezone = source["timezone"];
	        this.kind = source["kind"];
	        this.startDate = source["startDate"];
	        this.endDate = source["endDate"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.holiday = source["holiday"];
	        this.regionId = source["regionId"];
	        this.region = source["region"];
	        this.people = source["people"];
	        this.now = source["now"];
	    }
	}
	export class Gaps {
	    state: string;
	    note: string;
	    count: number;
	    items: oncall.Gap[];
	
	    static createFrom(source: any = {}) {
	        return new Gaps(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.note = source["note"];
	        this.count = source["count"];
	        this.items = this.convertValues(source["items"], oncall.Gap);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TimeOff {
	    state: string;
	    note: string;
	    count: number;
	    items: Away[];
	
	    static createFrom(source: any = {}) {
	        return new TimeOff(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.note = source["note"];
	        this.count = source["count"];
	        this.items = this.convertValues(source["items"], Away);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PagingLine {
	    personId: string;
	    name: string;
	    pages: number;
	    sleep: number;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new PagingLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.name = source["name"];
	        this.pages = source["pages"];
	        this.sleep = source["sleep"];
	        this.text = source["text"];
	    }
	}
	export class Paging {
	    state: string;
	    note: string;
	    count: number;
	    items: PagingLine[];
	
	    static createFrom(source: any = {}) {
	        return new Paging(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.note = source["note"];
	        this.count = source["count"];
	        this.items = this.convertValues(source["items"], PagingLine);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Flagged {
	    personId: string;
	    name: string;
	    role?: string;
	    flags: brief.Flag[];
	
	    static createFrom(source: any = {}) {
	        return new Flagged(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.flags = this.convertValues(source["flags"], brief.Flag);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Health {
	    state: string;
	    note: string;
	    count: number;
	    items: Flagged[];
	    unjudged: string[];
	
	    static createFrom(source: any = {}) {
	        return new Health(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.note = source["note"];
	        this.count = source["count"];
	        this.items = this.convertValues(source["items"], Flagged);
	        this.unjudged = source["unjudged"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Review {
	    incidentId: string;
	    title: string;
	    severity: number;
	    severityLabel: string;
	    dueDate: string;
	    daysOverdue: number;
	    state: string;
	    commanderId: string;
	    commander?: string;
	
	    static createFrom(source: any = {}) {
	        return new Review(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.incidentId = source["incidentId"];
	        this.title = source["title"];
	        this.severity = source["severity"];
	        this.severityLabel = source["severityLabel"];
	        this.dueDate = source["dueDate"];
	        this.daysOverdue = source["daysOverdue"];
	        this.state = source["state"];
	        this.commanderId = source["commanderId"];
	        this.commander = source["commander"];
	    }
	}
	export class Reviews {
	    state: string;
	    note: string;
	    count: number;
	    items: Review[];
	
	    static createFrom(source: any = {}) {
	        return new Reviews(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.note = source["note"];
	        this.count = source["count"];
	        this.items = this.convertValues(source["items"], Review);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OneOnOnes {
	    state: string;
	    note: string;
	    count: number;
	    items: oneonone.CadenceStatus[];
	    cadences: number;
	
	    static createFrom(source: any = {}) {
	        return new OneOnOnes(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.note = source["note"];
	        this.count = source["count"];
	        this.items = this.convertValues(source["items"], oneonone.CadenceStatus);
	        this.cadences = source["cadences"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FollowUp {
	    id: string;
	    title: string;
	    ownerId: string;
	    owner?: string;
	    ownerRemoved?: boolean;
	    dueDate: string;
	    priority: string;
	    status: string;
	    source: followup.Source;
	    daysOverdue?: number;
	
	    static createFrom(source: any = {}) {
	        return new FollowUp(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.ownerId = source["ownerId"];
	        this.owner = source["owner"];
	        this.ownerRemoved = source["ownerRemoved"];
	        this.dueDate = source["dueDate"];
	        this.priority = source["priority"];
	        this.status = source["status"];
	        this.source = this.convertValues(source["source"], followup.Source);
	        this.daysOverdue = source["daysOverdue"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FollowUps {
	    state: string;
	    note: string;
	    count: number;
	    overdue: FollowUp[];
	    dueSoon: FollowUp[];
	    overdueCount: number;
	    dueSoonCount: number;
	    open: number;
	
	    static createFrom(source: any = {}) {
	        return new FollowUps(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.note = source["note"];
	        this.count = source["count"];
	        this.overdue = this.convertValues(source["overdue"], FollowUp);
	        this.dueSoon = this.convertValues(source["dueSoon"], FollowUp);
	        this.overdueCount = source["overdueCount"];
	        this.dueSoonCount = source["dueSoonCount"];
	        this.open = source["open"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Incident {
	    id: string;
	    title: string;
	    severity: number;
	    severityLabel: string;
	    status: string;
	    startedAt: string;
	    commanderId: string;
	    commander?: string;
	    escalated?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Incident(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.severity = source["severity"];
	        this.severityLabel = source["severityLabel"];
	        this.status = source["status"];
	        this.startedAt = source["startedAt"];
	        this.commanderId = source["commanderId"];
	        this.commander = source["commander"];
	        this.escalated = source["escalated"];
	    }
	}
	export class Incidents {
	    state: string;
	    note: string;
	    count: number;
	    items: Incident[];
	
	    static createFrom(source: any = {}) {
	        return new Incidents(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.note = source["note"];
	        this.count = source["count"];
	        this.items = this.convertValues(source["items"], Incident);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Schedule {
	    name: string;
	    teamId: string;
	    requirement: string;
	    layers: oncall.RotationNow[];
	    covered: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Schedule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.teamId = source["teamId"];
	        this.requirement = source["requirement"];
	        this.layers = this.convertValues(source["layers"], oncall.RotationNow);
	        this.covered = source["covered"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OnCall {
	    state: string;
	    note: string;
	    count: number;
	    schedules: Schedule[];
	    uncovered: number;
	
	    static createFrom(source: any = {}) {
	        return new OnCall(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.note = source["note"];
	        this.count = source["count"];
	        this.schedules = this.convertValues(source["schedules"], Schedule);
	        this.uncovered = source["uncovered"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Day {
	    now: string;
	    today: string;
	    zone: string;
	    weekEnd: string;
	    timeOffEnd: string;
	    oncall: OnCall;
	    incidents: Incidents;
	    followUps: FollowUps;
	    oneOnOnes: OneOnOnes;
	    reviews: Reviews;
	    health: Health;
	    paging: Paging;
	    timeOff: TimeOff;
	    gaps: Gaps;
	
	    static createFrom(source: any = {}) {
	        return new Day(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.now = source["now"];
	        this.today = source["today"];
	        this.zone = source["zone"];
	        this.weekEnd = source["weekEnd"];
	        this.timeOffEnd = source["timeOffEnd"];
	        this.oncall = this.convertValues(source["oncall"], OnCall);
	        this.incidents = this.convertValues(source["incidents"], Incidents);
	        this.followUps = this.convertValues(source["followUps"], FollowUps);
	        this.oneOnOnes = this.convertValues(source["oneOnOnes"], OneOnOnes);
	        this.reviews = this.convertValues(source["reviews"], Reviews);
	        this.health = this.convertValues(source["health"], Health);
	        this.paging = this.convertValues(source["paging"], Paging);
	        this.timeOff = this.convertValues(source["timeOff"], TimeOff);
	        this.gaps = this.convertValues(source["gaps"], Gaps);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	
	
	
	
	
	
	
	
	
	

}

export namespace workspace {
	
	export class EncryptResult {
	    reencrypted: string[];
	    removed: string[];
	    plainLeft: string[];
	
	    static createFrom(source: any = {}) {
	        return new EncryptResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reencrypted = source["reencrypted"];
	        this.removed = source["removed"];
	        this.plainLeft = source["plainLeft"];
	    }
	}

}

