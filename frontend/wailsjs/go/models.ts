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
	export class ReminderSettingsDTO {
	    timezone: string;
	    detectedZone: string;
	    quiet: QuietDTO;
	    desktop: boolean;
	    background: boolean;
	    autostart: boolean;
	
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
	export class WorkspaceInfo {
	    version: string;
	    dataDir: string;
	    path: string;
	    demo: boolean;
	    empty: boolean;
	    schema: number;
	    openError?: APIError;
	    platform: string;
	
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

