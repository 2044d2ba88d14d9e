/**
 * Region settings over the ports (./model.ts holds the rules): officials read the effective
 * thresholds of their region (or one inside it) with where each comes from and the audit trail;
 * province, city and county officials change them for their own region or one inside it — a
 * county never the province's. Every change is stored with its audit line and also audited.
 */
import { WEIGHT_PARTS } from '../assessment/weights';
import { createAccess, type AccessDeps } from '../authz/access';
import { listBindings, officialRegions } from '../authz/policy';
import { ROLE_LABELS, type Actor } from '../authz/roles';
import type { RegionRepository } from '../ports';
import { AppError } from '../shared/errors';
import type { ChangeView, SettingsView, SettingView } from './api';
import {
  GROUP_LABELS,
  LEVEL_OF_DIGITS,
  SETTING_GROUPS,
  SETTING_LEVEL_LABELS,
  changeSettings,
  chainOf,
  defOf,
  describeEntry,
  effectiveValues,
  type AssessmentParts,
  type RegionSettings,
  type SettingsChange,
  type SettingsRepository,
} from './model';

export interface SettingsDeps extends AccessDeps {
  settings: SettingsRepository;
  regions: Pick<RegionRepository, 'get' | 'children'>;
  /** The assessment module's parts and default weights (shown and checked with the others); default: its own. */
  assessmentParts?: AssessmentParts;
}

const PAGE = 20;

export function createSettingsService(deps: SettingsDeps) {
  const access = createAccess(deps);
  const { settings, regions, clock, ids } = deps;
  const parts = deps.assessmentParts ?? WEIGHT_PARTS;
  const describe = (e: SettingsChange['entries'][number]) => describeEntry(e, parts);

  async function nameOf(code: string): Promise<string> {
    return code === '36' ? '江西省' : ((await regions.get(code))?.name ?? code);
  }

  /** The caller's region codes for settings; FORBIDDEN when not an official. */
  async function mine(actor: Actor): Promise<string[]> {
    const codes = listBindings(actor, 'settings.read').length ? officialRegions(actor) : [];
    if (!codes.length) {
      await access.record({ actorOpenid: actor.openid, action: 'settings.read', outcome: 'denied', resource: 'settings', detail: 'role' });
      throw new AppError('FORBIDDEN', '只有县、市、省主管部门可以查看参数设置');
    }
    return codes;
  }

  async function changeView(c: SettingsChange): Promise<ChangeView> {
    return { id: c.id, at: c.at, region: await nameOf(c.regionCode), by: c.byName, reason: c.reason, lines: c.entries.map(describe) };
  }

  async function changesAt(code: string, offset: number) {
    const page = await settings.changes({ regionCodes: chainOf(code), offset, limit: PAGE });
    return { changes: await Promise.all(page.items.map(changeView)), nextOffset: page.hasMore ? offset + page.items.length : null };
  }

  function itemsOf(all: RegionSettings[], code: string): SettingView[] {
    const here = effectiveValues(all, code, parts);
    const above = effectiveValues(all.filter((r) => r.regionCode !== code), code, parts);
    const own = all.find((r) => r.regionCode === code)?.values ?? {};
    return Object.values(here).map((e) => {
      const def = defOf(e.key, parts)!;
      return { key: e.key, group: def.group, label: def.label, unit: def.unit, min: def.min, max: def.max, value: e.value, source: e.source, sourceLabel: SETTING_LEVEL_LABELS[e.source], own: own[e.key] ?? null, inherited: above[e.key]?.value ?? null };
    });
  }

  return {
    /** The effective settings of a region (default: the caller's broadest), the regions to switch to, the trail. */
    async get(openid: string | null, input: { regionCode?: string }): Promise<SettingsView> {
      const actor = await access.actorOf(openid);
      const codes = await mine(actor);
      const code = input.regionCode ?? [...codes].sort((a, b) => a.length - b.length)[0]!;
      await access.permit(actor, 'settings.read', { regionCodes: chainOf(code) }, `settings:${code}`);
      const all = await settings.all();
      const items = itemsOf(all, code);
      const children = code.length < 6 ? await regions.children(code) : [];
      const own = codes.filter((c) => c.length <= 6).map((c) => c.slice(0, 6));
      const regionList: { code: string; name: string }[] = [];
      for (const c of [...new Set([...own, code])]) regionList.push({ code: c, name: await nameOf(c) });
      for (const r of children) if (!regionList.some((x) => x.code === r.code)) regionList.push({ code: r.code, name: r.name });
      return {
        region: { code, name: await nameOf(code), level: LEVEL_OF_DIGITS[code.length]! },
        regions: regionList,
        groups: SETTING_GROUPS.map((g) => ({ group: g, label: GROUP_LABELS[g], items: items.filter((i) => i.group === g) })),
        // Read and update share one scope rule: the caller's region or one inside it.
        canEdit: true,
        version: all.find((r) => r.regionCode === code)?.version ?? 0,
        ...(await changesAt(code, 0)),
      };
    },

    async changes(openid: string | null, input: { regionCode?: string; offset?: number }): Promise<Pick<SettingsView, 'changes' | 'nextOffset'>> {
      const actor = await access.actorOf(openid);
      const codes = await mine(actor);
      const code = (input.regionCode ?? [...codes].sort((a, b) => a.length - b.length)[0]!).slice(0, 6);
      await access.permit(actor, 'settings.read', { regionCodes: chainOf(code) }, `settings:${code}`);
      return changesAt(code, input.offset ?? 0);
    },

    /** Change a region's values: its own officials or those above it; a county never the province's. */
    async update(openid: string | null, input: { regionCode: string; values: Record<string, number | null>; reason: string; version: number }): Promise<SettingsView> {
      const actor = await access.actorOf(openid);
      const d = await access.permit(actor, 'settings.update', { regionCodes: chainOf(input.regionCode) }, `settings:${input.regionCode}`, '只能调整本级或下级地区的参数');
      const all = await settings.all();
      const current = all.find((r) => r.regionCode === input.regionCode) ?? null;
      if ((current?.version ?? 0) !== input.version) throw new AppError('CONFLICT', '这项设置刚被其他人修改，请刷新后再试');
      const b = d.binding!;
      const scopeCode = b.scope.kind === 'region' ? b.scope.regionCode : '';
      const name = `${await nameOf(scopeCode)}${ROLE_LABELS[b.role]}${b.holderName ? ` ${b.holderName}` : ''}`;
      const { next, change } = changeSettings({ current, regionCode: input.regionCode, values: input.values, reason: input.reason, all, by: { openid: actor.openid, name }, at: clock.now().toISOString(), id: ids.id(), parts });
      await settings.save(next, input.version, change);
      await access.record({ actorOpenid: actor.openid, action: 'settings.update', outcome: 'done', resource: `settings:${input.regionCode}`, detail: change.entries.map(describe).join('；').slice(0, 300) });
      return this.get(openid, { regionCode: input.regionCode });
    },
  };
}
