import { describe, expect, it } from 'vitest';
import { decideStatus, findStatusSignals, findStatusTag } from '@/lib/parse/status';

const unfinished = (s: string) => findStatusSignals(s, 0, s.length).filter((x) => x.kind === 'unfinished').map((x) => x.text);
const done = (s: string) => findStatusSignals(s, 0, s.length).filter((x) => x.kind === 'done').map((x) => x.text);
const decide = (s: string, longTerm = false) =>
  decideStatus(s, 0, s.length, longTerm ? { status: 'long_term', text: '需长期整改事项进展情况', start: 0, end: 0 } : null);
const status = (s: string, longTerm = false) => decide(s, longTerm).status;

describe('status signals', () => {
  it('finds the unfinished signals listed in the seeds', () => {
    expect(unfinished('其余执法权限的收回工作正在进行中。')).toEqual(['正在', '进行中']);
    expect(unfinished('剩余7宗继续协商整改')).toEqual(['剩余7宗继续协商整改']);
    expect(unfinished('其他2个问题整改已取得阶段性成效并继续推进')).toEqual(['取得阶段性成效', '继续推进']);
    expect(unfinished('待区专题会议讨论后再进一步明确')).toEqual(['待区专题会议讨论后再进一步明确']);
    expect(unfinished('已全部通过考试，待领执法证。')).toEqual(['待领执法证']);
    expect(unfinished('至今无人认领。')).toEqual(['无人认领']);
    expect(unfinished('截至2025年6月，该课程还未结课。')).toEqual(['还未']);
    expect(unfinished('正进入评审阶段')).toEqual(['正进入']);
    expect(unfinished('已进入协商整改的最后阶段')).toEqual(['进入协商整改的最后阶段']);
    expect(unfinished('计划于2023年完成工程建设')).toEqual(['计划于2023年完成工程建设']);
    expect(unfinished('花山镇计划6月再组织开展党务专业知识培训活动')).toEqual(['计划6月再组织开展党务专业知']);
    expect(unfinished('工业大道跨天马河桥梁工程将于2021年底前完工')).toEqual(['将于']);
    expect(unfinished('预计2025年7月前整改完成')).toEqual(['预计2025年7月前整改完成']);
    expect(unfinished('后续将加快用地组卷报批工作，完成留用地的兑现。')).toHaveLength(1);
  });

  it('ignores boilerplate and noun uses that only look unfinished', () => {
    expect(unfinished('花山镇将继续要求村委加强征地款专款专户管理，持续加强监督，继续加强管理')).toEqual([]);
    expect(unfinished('研究制定基层党建年度工作计划和要点；督促施工单位严格按照新制定的进度计划按时完工')).toEqual([]);
    expect(unfinished('采取计划单列方式重点保障；未发现计划外擅自开展督查检查考核的情况')).toEqual([]);
    expect(unfinished('预计2025年集体收入增加160万元')).toEqual([]);
    expect(unfinished('平台网上竞投率高达99.59%（剩余0.41%为三次网上竞投流标）')).toEqual([]);
    expect(unfinished('成就企业家、厚待投资者；有待提高；累计接待入境人员')).toEqual([]);
    expect(unfinished('后续也将持续做好群众意见和建议的收集工作')).toEqual([]);
    expect(unfinished('加快建设中部空铁融合发展示范区')).toEqual([]);
    expect(unfinished('开展2020年农村人居环境整治未完成问题清算行动')).toEqual([]);
  });

  it('finds completion phrases but not instructions to complete', () => {
    expect(done('均已全部整改完毕')).toEqual(['均已全部整改完毕']);
    expect(done('整改完成率达到100%')).toEqual(['完成率达到100%']);
    expect(done('已按要求拆除完毕')).toEqual(['已按要求拆除完毕']);
    expect(done('已督促相关场所落实整改')).toEqual([]);
  });

  it('reads explicit tags', () => {
    const t = '……【已完成整改，并长期坚持】';
    expect(findStatusTag(t, 0, t.length)?.status).toBe('done');
    const p = '……【正在整改，并取得阶段性成效】';
    expect(findStatusTag(p, 0, p.length)?.status).toBe('in_progress');
  });
});

describe('decideStatus', () => {
  it('explicit tag wins over the text', () => {
    expect(status('目前18名人员已全部通过考试，待领执法证。【已完成整改，并长期坚持】')).toBe('done');
  });
  it('any unfinished signal outweighs done phrases', () => {
    expect(status('目前已完成整改11宗。未整改完成的12宗，其中5宗已进入协商整改的最后阶段')).toBe('in_progress');
    expect(status('两个项目设计费已完成结算，已完成整改，剩余一个项目重新核定费用')).toBe('in_progress');
  });
  it('is done only with a completion phrase and no open signal', () => {
    expect(status('对排查发现的田间窝棚、生猪养殖等已全部整改完毕。')).toBe('done');
  });
  it('is in progress (inferred) when the item reports only intentions, unclear only without any report', () => {
    expect(decide('一是加强宣传教育。二是强化监督检查。')).toMatchObject({ status: 'in_progress', certainty: 'inferred' });
    expect(decide('高度重视，持续加强督促指导。')).toMatchObject({ status: 'in_progress', certainty: 'inferred' });
    expect(decide('')).toMatchObject({ status: 'unclear', certainty: 'unclear' });
  });
  it('a lead naming the tasks stays open until every sub-measure (not every done claim) reports done', () => {
    const lead = '加快推进资产过户、理顺管理体制。';
    // two done claims, both in the first of two sub-measures: the lead is still moving
    expect(status(`${lead}一是已完成资产过户，已办结登记手续。二是研究理顺管理体制。`)).toBe('in_progress');
    expect(status(`${lead}一是已完成资产过户。二是已理顺管理体制。`)).not.toBe('in_progress');
  });
  it('long-term items stay long_term unless reported finished', () => {
    expect(status('古三村正积极协调上级相关部门，完善手续。', true)).toBe('long_term');
    expect(status('一是制定方案。二是建立机制。', true)).toBe('long_term');
    expect(status('已全部整改完毕。', true)).toBe('done');
  });
});

// ---------------------------------------------------------------------------------------------
// Phrasings reported by colleagues (each from a seed or the later 花山镇 notice)
describe('clearly finished phrasings', () => {
  it.each([
    ['已协助和指导各村社做好自留地返租费台账，摸清自留地返租费底数并定期与征地部门核对返租费数据。'],
    ['已追回巡察期间发现的拖欠经联社、经济社租金款项。同时，进一步加强欠款管理，建立洛场村租金管理制度。'],
    ['镇相关部门已完善相关工程管理制度。同时，针对巡察发现的部分协议书缺少工期、订立时间问题，村已全部完善。'],
    ['洛场村党组织已重新修订完善了议事决策制度。花山镇已于2025年6月组织开展党务专业知识培训活动。'],
    ['针对巡察反馈的68个非法卫星接收器，古二村、古三村、冈南村和七坊村已拆除完毕。'],
    ['对排查发现的田间窝棚、生猪养殖等已全部整改。'],
    ['立行立改，完成宣传栏破损、内容过时等问题整改103处，整改完成率达到100%。'],
    ['巡察反馈的留用地未兑现问题已解决；经济社已于2025年10月按方案支付完毕，该问题已完成整改。'],
  ])('%s → done', (s) => {
    expect(status(s)).toBe('done');
  });
});

describe('done is not given away', () => {
  it('a 100% rate about one sub-measure does not close an item with another sub-measure open', () => {
    const s = '一是加强巡查。共检查25余次，下发限期整改交办函19份，整改率达100%。二是加强管养。专项资金正积极向上请示。';
    expect(status(s)).toBe('in_progress');
  });
  it('a 100% rate about one sub-measure does not close an item whose other sub-measure is only moving', () => {
    const s = '一是加快乡村产业振兴，加快打造精品村片区。二是完善污水整治。共发现问题23宗，均已全部整改完毕。';
    expect(decide(s)).toMatchObject({ status: 'in_progress', certainty: 'inferred' });
  });
  it('results in fewer than half of the measures do not close the item', () => {
    const s = '一是严格落实谈话制度，开展党内谈话2644人次。二是强化警示教育。三是开发管理软件系统。四是规范临聘人员管理。五是补充配备巡察干部，已补充6名。';
    expect(decide(s)).toMatchObject({ status: 'in_progress', certainty: 'inferred' });
  });
  it('instructions given are not results (已要求/已督促/已提交)', () => {
    for (const s of ['已要求村严格按照村务监督制度进行监督记录并签名。', '已督促相关场所落实整改。', '现花山镇已指导村提交请示。', '古三村已向市水务局提交论证报告。']) {
      expect(status(s), s).not.toBe('done');
    }
  });
  it('a whole-item completion claim after an open step is a contradiction ⇒ unclear', () => {
    expect(status('剩余3宗正在协商。该问题已完成整改。')).toBe('unclear');
  });
  it('an open step after the completion claim of one part still leaves the item in progress', () => {
    expect(status('针对巡察反馈的违法建设行为，花山镇均已立行立改。回访时发现部分区域出现撂荒，目前正在督促建设责任人重新落实管养责任。')).toBe('in_progress');
  });
});

describe('future steps are unfinished', () => {
  it.each([
    ['对违章搭建建筑登记造册，研究提出分类处理路径，完成审核程序后将组织开展联合执法行动。'],
    ['因有6个社是合并的，不能全部实现一肩挑，日后将积极发展了解经济社情况且适合当社长的村民成为党员。'],
    ['目前仍在等待上级部门答复，花山镇将继续积极向上级沟通反映。'],
    ['目前已完成村级工业园整治提升面积505公顷，三年目标任务完成率提升到91%。'],
    ['依法依规清理无实质性经营企业，按照进度推进工作。'],
  ])('%s → in_progress', (s) => {
    expect(status(s)).toBe('in_progress');
  });
});

describe('false unfinished signals', () => {
  it('继续/持续 with duty verbs, 将 + duty verbs, 计划 as a noun', () => {
    expect(unfinished('持续巩固整改成果，继续加强监督。村委将加强公章管理。下一步将加强古树名木管护。')).toEqual([]);
    expect(unfinished('制定基层党建年度工作计划；严格制定年度党支部“三会一课”计划；制定2025年学习培训计划')).toEqual([]);
  });
  it('正在/已完成 inside quotes and titles are names, not reports', () => {
    expect(unfinished('开展“正在进行时”主题宣传活动，印发《关于正在推进事项的通知》。')).toEqual([]);
    expect(done('转发“已完成整改”专题片。')).toEqual([]);
    expect(status('印发《关于正在推进事项的通知》，开展专题培训。')).toBe('done'); // the title is a name; 印发 is a step taken
    expect(decide('开展“正在进行时”主题宣传活动。').open).toEqual([]);
  });
  it('a time phrase `巡察反馈问题后` does not make a sub-measure a whole-item claim', () => {
    const s = '一是加快推进稻田项目建设。二是巡察反馈问题后，共检查25余次，整改率达100%。三是加快打造示范村。';
    expect(status(s)).toBe('in_progress');
  });
});

// ---------------------------------------------------------------------------------------------
// Every item of every seed, as a careful inspector reads it (written from the texts, not from output).
// [key, reading, ...also acceptable]; key = the item's last path element or its label.
// Where a second status is listed, the text supports both and the first is the reading given in the report.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseNotice } from '@/lib/parse/index';
import type { ItemStatus, ProblemItem } from '@/lib/schema';

type Reading = [key: string, reading: ItemStatus, ...alsoAcceptable: ItemStatus[]];

const HUASHAN_SEED: Reading[] = [
  ['历史约定不合理', 'in_progress'], // 待区专题会议讨论后再进一步明确
  ['选址难度大', 'in_progress'], // 后续将加快用地组卷报批工作，完成留用地的兑现
  ['研究推动留用地工作不够有力', 'in_progress'], // 有效推动了部分留用地问题的解决: only part solved, only meetings held
  ['留用地底数不清，台账混乱', 'done'], // 已协助和指导各村社做好…台账
  ['问题合同未整改、阴阳合同赫然存在', 'in_progress'], // 未整改完成的12宗…剩余7宗继续协商整改
  ['租金上偷梁换柱', 'in_progress'], // 计划通过“四议两公开”…进行处理
  ['落实违建巡查责任不到位', 'done'], // 均已立行立改；责任人现已完成复耕复绿
  ['营商环境待优化', 'done'], // （1）已协调…；（2）ongoing police liaison
  ['村民未享受土地兑现红利', 'in_progress'], // 正在办理项目相关报建手续
  ['推进“百千万工程”仍需加力提速', 'in_progress'], // 正逐渐修改完善；正积极申请专项债资金
  ['乡村治理仍然面临诸多问题', 'done'], // 污水直排已责令整改并新增排污渠道；交办函整改率达100%
  ['公共服务供给存在短板', 'in_progress'], // 待资金到位后，将另行选址重建
  ['责任压力传导递减', 'done'], // 已严格指导…；已不存在…；已指导…规范处置
  ['收支管理不够规范', 'done', 'in_progress'], // 目前，村已停止…收取协调服务费; 二是/三是 are generic (parser: in_progress, half the measures report nothing)
  ['租金收缴不力', 'done'], // 已追回…租金款项
  ['资金管理混乱', 'in_progress'], // 专项资金正积极向上请示
  ['工程管理缺位', 'done'], // 村已全部完善
  ['财务管理弱项突出，公章管理随意', 'done'], // 现已落实“双柜双锁”；已交回；已补充完整
  ['党组织议事决策制度执行不严', 'in_progress'], // 计划6月再组织开展党务专业知识培训活动
  ['对下级党组织的规范化建设指导不力', 'in_progress'], // 日后将积极发展…成为党员，逐步提高…比例
  ['基础工作不够扎实，发展党员把关不严', 'done'], // 已指导…；让整改工作形成闭环
  ['后备干部队伍建设有欠缺', 'done'], // 2024年12月组织…专题培训; 考核评价 in place; nothing left pending
];

const HUASHAN_LATER: Reading[] = [
  ['历史约定不合理', 'done'], // 已于2025年10月按方案支付完毕，该问题已完成整改
  ['选址难度大', 'in_progress'], // 正在推进报批工作，计划于2026年底前完成
  ['研究推动留用地工作不够有力', 'in_progress'], // 有效推动了部分留用地问题的解决: only part solved, only meetings held
  ['留用地底数不清，台账混乱', 'done'],
  ['问题合同未整改、阴阳合同赫然存在', 'in_progress'], // 未整改完成的4宗；正在以诉讼方式解除合同
  ['落实违建巡查责任不到位', 'in_progress'], // 出现撂荒…目前正在督促
  ['营商环境待优化', 'done'],
  ['村民未享受土地兑现红利', 'in_progress'], // 正在开展施工招标工作
  ['问题合同台账更新不及时', 'in_progress'], // 正在逐村核对；预计2026年4月底前完成
  ['推进“百千万工程”仍需加力提速', 'in_progress'], // 正在开展项目前期工作
  ['乡村治理仍然面临诸多问题', 'done'],
  ['公共服务供给存在短板', 'done'], // 已于2025年12月完成选址重建并投入使用，该问题已完成整改
  ['责任压力传导递减', 'done'],
  ['收支管理不够规范', 'done', 'in_progress'], // 目前，村已停止…收取协调服务费; 二是/三是 are generic (parser: in_progress, half the measures report nothing)
  ['租金收缴不力', 'done'],
  ['资金管理混乱', 'in_progress'], // 目前仍在等待上级部门答复
  ['工程管理缺位', 'done'],
  ['财务管理弱项突出，公章管理随意', 'done'],
  ['党组织议事决策制度执行不严', 'done'], // 已于2025年6月组织开展；未再发现…问题
  ['对下级党组织的规范化建设指导不力', 'in_progress'], // 日后将积极发展…
  ['基础工作不够扎实，发展党员把关不严', 'done'], // 已指导…
  ['后备干部队伍建设有欠缺', 'done'], // 2024年12月组织…专题培训; 考核评价 in place; nothing left pending
];

const MAZHANG: Reading[] = [
  ...['1.', '2.', '6.', '7.', '8.', '9.', '10.', '11.', '12.', '14.', '15.'].map((k): Reading => [k, 'done']), // 【已完成整改，并长期坚持】
  ...['3.', '4.', '5.', '13.', '16.'].map((k): Reading => [k, 'in_progress']), // 【正在整改，并取得阶段性成效】
];

const HONGMEI: Reading[] = [
  ['1.', 'in_progress'], // mechanisms only (优化…机制, 探索…): no result reported
  ['2.', 'in_progress'], // 正在…物色合适地块；待明确选址地块后
  ['3.', 'in_progress'], // 待条件成熟再推出市场
  ['5.', 'in_progress'], // 高规格推进…城市更新行动; 鼓励各村…: still going
  ['6.', 'in_progress'], // 先行启动部分地块的雨污分流改造，仅完成可研评审
  ['8.', 'in_progress'], // 完成审核程序后将组织开展联合执法行动
  ['9.', 'in_progress'], // 加快项目建设进度; 推动…项目完工 (completion not reported)
  ['10.', 'in_progress'], // 加快推进洪屋涡村连片稻田项目 (窝棚已全部整改完毕 is one part)
  ['12.', 'done'], // 制定…约谈制度，有效提高了…报备的意识; 将意识形态工作纳入干部考核
  ['13.', 'done'], // 启用政务内网系统…; 2023年以来未发生一起涉密事件
  ['17.', 'in_progress'], // 至今无人认领
  ['19.', 'in_progress'], // 道路改造工程已完成, but 智能交通控制系统: 加快搭建, 立项评估, 加快推进 (issue 16)
  ['20.', 'in_progress'], // 加快完善公共停车设施，推动…: no result
  ['21.', 'done', 'in_progress'], // 警情下降幅度排名全市第一; the rest is ongoing campaign work (parser: in_progress)
  ['22.', 'done'], // 2023年以来实现本地吸毒人员零新增; 签订禁毒责任书
  ['24.', 'done'], // 对领导小组成员进行调整; 制定完善文件和会议制度
  ['26.', 'done'], // 严格制定年度“三会一课”计划; 工作手册记录更加规范
  ['27.', 'done'], // 举办党务工作者业务能力提升培训班; 建立完善批评意见…机制
  ['29.', 'done'], // 未发现推荐人数未达要求; 已将…全部纳入管理系统
  ['30.', 'done'], // 撤下“政协办”标牌，未发现乱挂; 缺失的考察材料进行了补充完善
  ['32.', 'done'], // 开展全覆盖党风廉政谈心谈话; 述廉要求纳入年度述职
  ['33.', 'in_progress'], // one sentence of intentions (强化, 健全, 定期更新), no result
  ['34.', 'done'], // 暂无较慢或不整改事项
  ['35.', 'done'], // 所有问题档案已落实100%整改
  ['40.', 'in_progress'], // 按照进度推进工作; 股权变更 only partly done
  ['41.', 'in_progress'], // 督促限期完成款项清收: collection not reported done
  ['42.', 'done'], // 加快完成… names the tasks; 一是/二是/三是 report each done (已调整, 已完成签订, 现已确认)
  ['43.', 'in_progress'], // 加快修订工程招投标管理办法 (revision not reported finished)
  ['44.', 'in_progress'], // 剩余一个项目重新核定费用
  ['46.', 'done'], // 已下发提醒函; 暂无发现新的…情况
  ['50.', 'done'], // 每月发布学习清单; 政治理论学习得到加强
  ['51.', 'done'], // 全部村（社区）均已制定…
];

const HUADU: Reading[] = [
  ['没有把区位优势切实转化为经济社会发展优势', 'in_progress'], // 空铁联运体系初步形成: only initial
  ['粤港澳大湾区建设项目推进缓慢', 'in_progress'], // 总进度已达79.64%；计划于2023年完成
  ['产业转型升级有待提升', 'in_progress'], // 机库即将竣工; 二期项目开工建设
  ['科技创新驱动力不足', 'in_progress'], // 加快推进…
  ['发展空间没有得到充分释放', 'in_progress'], // 三年目标任务完成率提升到91%
  ['城乡发展不平衡', 'in_progress'], // 初步建立…; 加快打造…; 污水问题均已整改 is one of five parts (issue 16)
  ['民生事业发展不快，与群众期望还有距离', 'in_progress'], // 正加快推进；将于2021年底前完工
  ['“两违”、污染整治不力', 'in_progress'], // 剩余问题正在加快推进整治
  ['意识形态阵地管理不够严，督导检查不深入', 'in_progress'], // 加快区融媒体中心…建设
  ['主体责任压得不紧', 'done'], // every measure carried out (谈话2644人次, 补充配备6名); 均已开展…整改
  ['监督职责履行不到位', 'done'], // trainings, new rules and the staff transfer reported done
  ['国有资产管理存在廉政风险', 'in_progress'], // 僵尸企业均已出清 but 有序推进…债务化解工作
  ['违反中央八项规定精神问题时有发生', 'done', 'in_progress'], // 共查处…71个、处理128人; parser: in_progress (half the measures report nothing)
  ['形式主义和官僚主义问题仍然存在', 'done'], // 未发现计划外擅自开展督查检查考核的情况
  ['农村基层腐败案件频发', 'done'], // 巡视反馈需要整改的…合同985份，已全部完成整改
  ['基层党建工作存在短板', 'done'], // measures reported carried out, nothing pending
  ['选人用人制度执行不严格', 'done'], // 3个单位已完成超编配备领导班子成员整改
  ['一些干部担当作为精气神不足', 'done'], // 已妥善处理14宗行政诉讼案件的后续工作
  ['上次巡视、审计等监督发现问题整改不够彻底，长效机制不健全', 'in_progress'], // 其他2个问题…继续推进
];

const GUZHEN: Reading[] = [
  ['问题1', 'done'], // 各级基层党组织“第一议题”制度均已落实到位
  ['问题3', 'done'], // all four measures report results (3570人次, 推文221条); 暂无收到投诉建议
  ['问题4', 'in_progress'], // 土地整备工作推进缓慢
  ['问题5', 'in_progress'], // 计划落实集体经济项目7项; 加快项目落地
  ['问题6', 'in_progress'], // 剩余3个项目务必加快推进；项目正在施工
  ['问题7', 'in_progress'], // 该课程还未结课
  ['问题8', 'done'], // 窝棚已分别于2024年10月、11月完成清拆
  ['问题9', 'in_progress'], // 其表示将组织…学习，制定绿化规划实施方案: the plan is only promised
  ['问题10', 'in_progress'], // 已完成改造791户 of 21326；相关企业计划…出资
  ['问题11', 'done'], // 制定《…实施方案》; 下发《通知》; 审议通过 — every measure carried out (issue 16)
  ['问题12', 'done'], // 对巡察反馈问题立行立改，已恢复照明、已清理杂草、已清拆
  ['问题13', 'in_progress'], // 筛查工作于年中开展: still to come
  ['问题14', 'done'], // 已全部整改完成；已完成验收
  ['问题15', 'done'], // 完成…年度考核; 2025年2-3月…全覆盖走访; 旁听庭审警示教育
  ['问题16', 'done'], // 下发《…通知》; 于4月组织专项培训; 发布表扬通报
  ['问题17', 'done'], // 经过集中整改…全镇已形成长效机制
  ['问题20', 'in_progress'], // 已完成挂账处理，确保账款清收工作有序推进
  ['问题23', 'done'], // 3月完成…党费自查自纠; 全部按要求完成党费调整 (issue 16)
  ['问题26', 'done'], // 2025年1月提醒谈话; 储备166名; 2025年3月制定补选流程
  ['问题27', 'done'], // 曹三村已变更经联社社长，已完成最后一笔贷款放款
  ['问题28', 'done'], // 整改完成率达到100%
  ['问题29', 'done'], // 已拆除完毕
  ['问题30', 'done'], // 已全部按要求整改完毕
  ['问题31', 'done'], // 完成…指导意见的修订; 指导13个村完成…制度的制定 (issue 16)
  ['问题32', 'done'], // 于2025年4月完成修订…; 开展专题培训
  ['问题33', 'done'], // 全部村（社区）已按要求完成组织生活会
  ['问题34', 'done'], // 以上问题均已按要求落实整改
  ['问题35', 'done'], // 制定并下发…积分制实施办法; 开展5期党课轮训
  ['问题36', 'done'], // 开展督导检查; 13个村已将…完善到“村规民约”
  ['问题2', 'long_term'],
  ['问题22', 'long_term'], // 已基本完成深化清产核资
  ['问题24', 'long_term'],
  ['问题25', 'long_term'], // 正积极协调；正进入评审阶段
];

const root = resolve(__dirname, '../fixtures');
const CORPUS: Array<[name: string, file: string, readings: Reading[]]> = [
  ['花山镇 2025', 'seeds/huashan-town-2025-06-19.txt', HUASHAN_SEED],
  ['花山镇 2026', 'notices/huashan-town-2026-03-20.txt', HUASHAN_LATER],
  ['麻章镇', 'seeds/mazhang-town-2024-09-25.txt', MAZHANG],
  ['洪梅镇', 'seeds/hongmei-town-2023.txt', HONGMEI],
  ['花都区', 'seeds/huadu-district-2021-11-22.txt', HUADU],
  ['古镇镇', 'seeds/guzhen-town-2025-09-12.txt', GUZHEN],
];

function itemFor(items: ProblemItem[], key: string): ProblemItem | undefined {
  return items.find((i) => i.label === key) ?? items.find((i) => i.path.at(-1) === key) ?? items.find((i) => i.label.endsWith(`“${key}”`));
}

describe.each(CORPUS)('%s: every item against the reading', (_name, file, readings) => {
  const { notice } = parseNotice(readFileSync(resolve(root, file), 'utf8'));
  it('has one reading per item', () => {
    expect(notice.items).toHaveLength(readings.length);
    for (const [key] of readings) expect(itemFor(notice.items, key), key).toBeDefined();
  });
  it.each(readings)('%s → %s', (key, reading, ...also) => {
    const item = itemFor(notice.items, key)!;
    expect([reading, ...also], `${key}: ${item.status}/${item.certainty} (${item.statusEvidence.basis?.text ?? '—'})`).toContain(item.status);
  });
  it('never reports done where the reading is not done, and quotes the text as evidence', () => {
    for (const [key, reading, ...also] of readings) {
      const item = itemFor(notice.items, key)!;
      if (item.status === 'done') expect([reading, ...also], key).toContain('done');
      if (item.status === 'done' || item.status === 'in_progress') expect(item.statusEvidence, key).not.toBeNull();
    }
  });
});

describe('item labels (lib/parse/items)', () => {
  it('keeps the problem wording, not who raised it', async () => {
    const { itemLabel } = await import('@/lib/parse/items');
    expect(itemLabel('针对区委巡察办整改督查指出的“问题合同台账更新不及时”问题')).toBe('问题合同台账更新不及时');
    expect(itemLabel('针对“问题合同未整改”、“阴阳合同赫然存在”问题')).toBe('问题合同未整改、阴阳合同赫然存在');
    expect(itemLabel('针对“制度建设‘形同虚设’”的问题')).toBe('制度建设‘形同虚设’');
    expect(itemLabel('针对没有把区位优势切实转化为经济社会发展优势问题')).toBe('没有把区位优势切实转化为经济社会发展优势');
  });
});

describe('status stated by the section heading', () => {
  const heading = '（一）已完成整改的问题';
  const under = (status: 'done' | 'in_progress', body: string) => {
    const text = `${heading}\n${body}`;
    return decideStatus(text, heading.length + 1, text.length, { status, text: heading, start: 0, end: heading.length });
  };
  it('gives items the status of a section that states one, with the heading as evidence', () => {
    const d = under('done', '1.关于制度执行不严格的问题。修订了财务管理制度，组织培训2次。');
    expect(d.status).toBe('done');
    expect(d.evidence?.text).toBe(heading);
  });
  it('never makes an item with open work done because of its heading', () => {
    expect(under('done', '1.关于台账不清的问题。目前正在逐村核对。').status).toBe('in_progress');
  });
  it('keeps an in-progress heading unless the item reports itself wholly completed', () => {
    expect(under('in_progress', '1.关于道路建设滞后的问题。制定了建设计划。').status).toBe('in_progress');
    expect(under('in_progress', '1.关于道路建设滞后的问题。该问题已完成整改。').status).toBe('done');
  });
});

describe('urging others to fix named things', () => {
  it('is open work when the fix itself is not reported', () => {
    const text = '整改情况：开展专项清理，修改完善相关文件，督促整改涉嫌违反公平竞争审查标准文件。2023年诉求同比下降8.62%。';
    expect(decideStatus(text, 0, text.length).status).toBe('in_progress');
  });
  it('is no cue when it describes a mechanism or reports the fix', () => {
    expect(unfinished('及时发现问题并督促整改。')).toEqual([]);
    expect(unfinished('督促各责任单位整改落实。')).toEqual([]);
    expect(unfinished('督促整改到位。')).toEqual([]);
  });
});
