import { describe, expect, it } from 'vitest';
import { decideStatus, findStatusSignals, findStatusTag } from '@/lib/parse/status';

const unfinished = (s: string) => findStatusSignals(s, 0, s.length).filter((x) => x.kind === 'unfinished').map((x) => x.text);
const done = (s: string) => findStatusSignals(s, 0, s.length).filter((x) => x.kind === 'done').map((x) => x.text);
const status = (s: string, longTerm = false) =>
  decideStatus(s, 0, s.length, longTerm ? { text: '需长期整改事项进展情况', start: 0, end: 0 } : null).status;

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
  it('is unclear when nothing says either way', () => {
    expect(status('一是加强督促指导。二是健全制度机制，制定出台集体资产管理细则。')).toBe('unclear');
  });
  it('long-term items stay long_term unless reported finished', () => {
    expect(status('古三村正积极协调上级相关部门，完善手续。', true)).toBe('long_term');
    expect(status('一是制定方案。二是建立机制。', true)).toBe('long_term');
    expect(status('已全部整改完毕。', true)).toBe('done');
  });
});
