-- The employment impact report (issue 12, GROW): the occupations catalogue (Renovate), the occupation a host
-- or recruiter states and a job's optional occupation tag, and the versioned method of the estimate (Gather).
-- Figures themselves are SQL in server/src/modules/impact/impact.repository.ts; definitions in docs/IMPACT.md.

-- 新职业: the report's three groups. A national classification code and announcement batch only where a
-- public source gives them (never guessed); every entry keeps its source.
create table occupations (
  id integer generated always as identity primary key,
  name text not null unique check (length(btrim(name)) between 2 and 40),
  occupation_group text not null check (occupation_group in ('tech_explorer', 'content_creator', 'business_trainer')),
  classification_code text check (classification_code ~ '^[0-9]-[0-9]{2}-[0-9]{2}-[0-9]{2}$'),
  announcement_batch text check (length(announcement_batch) <= 80),
  source text not null check (length(btrim(source)) between 2 and 500),
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);

-- The occupation a host, recruiter or bureau member states on their profile (one at a time).
create table user_occupations (
  user_id uuid primary key references users (id) on delete cascade,
  occupation_id integer not null references occupations (id),
  stated_at timestamptz not null default now()
);
create index user_occupations_occupation_id_idx on user_occupations (occupation_id);

alter table jobs add column occupation_id integer references occupations (id);
create index jobs_occupation_id_idx on jobs (occupation_id) where occupation_id is not null;

-- The catalogue as the seed report names it (《快手促进就业与数字劳动者发展报告》, Part 2 Renovate: 快手带动的新职业
-- 三类), plus 互联网营销师 and 带岗主播, the occupations a live-recruitment platform employs directly. No entry
-- below has a code: the report gives none and none is guessed; admins add codes with their source.
insert into occupations (name, occupation_group, announcement_batch, source) values
  ('人工智能训练师', 'tech_explorer', null, '《快手促进就业与数字劳动者发展报告》Part 2：“科技探索者”；报告称其已“正式列入职业分类大典”（2022年版）'),
  ('大数据管理人员', 'tech_explorer', null, '《快手促进就业与数字劳动者发展报告》Part 2：“科技探索者”'),
  ('多模态人工智能工程师', 'tech_explorer', null, '《快手促进就业与数字劳动者发展报告》Part 2：“科技探索者”'),
  ('内容识别算法专家', 'tech_explorer', null, '《快手促进就业与数字劳动者发展报告》Part 2：“科技探索者”'),
  ('互动社交架构师', 'tech_explorer', null, '《快手促进就业与数字劳动者发展报告》Part 2：“科技探索者”'),
  ('虚拟现实工程技术人员', 'tech_explorer', null, '《快手促进就业与数字劳动者发展报告》Part 2：“科技探索者”'),
  ('社区信息管理师', 'tech_explorer', null, '《快手促进就业与数字劳动者发展报告》Part 2：“科技探索者”'),
  ('新媒体数据增长师', 'tech_explorer', null, '《快手促进就业与数字劳动者发展报告》Part 2：“科技探索者”'),
  ('数字农业经纪人', 'content_creator', null, '《快手促进就业与数字劳动者发展报告》Part 2：“内容造物师”'),
  ('虚拟人设计师', 'content_creator', null, '《快手促进就业与数字劳动者发展报告》Part 2：“内容造物师”'),
  ('短视频动漫画手', 'content_creator', null, '《快手促进就业与数字劳动者发展报告》Part 2：“内容造物师”'),
  ('非遗主播', 'content_creator', null, '《快手促进就业与数字劳动者发展报告》Part 2：“内容造物师”'),
  ('短视频特效师', 'content_creator', null, '《快手促进就业与数字劳动者发展报告》Part 2：“内容造物师”'),
  ('电子竞技讲解员', 'content_creator', null, '《快手促进就业与数字劳动者发展报告》Part 2：“内容造物师”'),
  ('短视频房产经纪人', 'content_creator', null, '《快手促进就业与数字劳动者发展报告》Part 2：“内容造物师”'),
  ('短视频剪辑师', 'content_creator', null, '《快手促进就业与数字劳动者发展报告》Part 2：“内容造物师”'),
  ('互联网招聘师', 'content_creator', null, '《快手促进就业与数字劳动者发展报告》Part 2：“内容造物师”；“直播间的新工作：互联网招聘师”'),
  ('带岗主播', 'content_creator', null, '《快手促进就业与数字劳动者发展报告》Part 2：“直播间的新工作”（“人们就越需要带岗主播”）；分组为 Jobcast 归类，同互联网招聘师 / group assigned by Jobcast'),
  ('电商操盘手', 'business_trainer', null, '《快手促进就业与数字劳动者发展报告》Part 2：“商业训练家”'),
  ('电商选品师', 'business_trainer', null, '《快手促进就业与数字劳动者发展报告》Part 2：“商业训练家”'),
  ('跨境电子商务师', 'business_trainer', null, '《快手促进就业与数字劳动者发展报告》Part 2：“商业训练家”'),
  ('直播电商咨询师', 'business_trainer', null, '《快手促进就业与数字劳动者发展报告》Part 2：“商业训练家”'),
  ('商业数据分析师', 'business_trainer', null, '《快手促进就业与数字劳动者发展报告》Part 2：“商业训练家”'),
  ('电商直投数据挖掘师', 'business_trainer', null, '《快手促进就业与数字劳动者发展报告》Part 2：“商业训练家”'),
  ('效果广告数据分析师', 'business_trainer', null, '《快手促进就业与数字劳动者发展报告》Part 2：“商业训练家”'),
  ('全媒体广告策划师', 'business_trainer', null, '《快手促进就业与数字劳动者发展报告》Part 2：“商业训练家”'),
  ('商业化流量规划师', 'business_trainer', null, '《快手促进就业与数字劳动者发展报告》Part 2：“商业训练家”'),
  ('互联网营销师', 'business_trainer', '2020年人社部等部门发布的第三批新职业（2015年版职业分类大典颁布以来），含“直播销售员”工种',
    '人社部等部门2020年新职业通告，转述见 http://m.studyofnet.com/949501889.html（“互联网营销师”“直播销售员”）；分组为 Jobcast 归类 / group assigned by Jobcast');

-- The estimate's method, versioned. A version is never changed or deleted once stored (the trigger below), so
-- a figure that names its version can always be reproduced; editing coefficients stores the next version.
create table impact_methods (
  version integer primary key check (version >= 1),
  name text not null check (length(btrim(name)) between 2 and 80),
  formula text not null,
  multi_platform_adjustment numeric not null check (multi_platform_adjustment > 0 and multi_platform_adjustment <= 1),
  multi_platform_source text not null,
  multi_platform_is_assumption boolean not null,
  -- [{ name, label, inputs: [input names], coefficient, source, isAssumption, multiPlatform }]
  components jsonb not null check (jsonb_typeof(components) = 'array'),
  note text not null default '',
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);

create function refuse_impact_method_change() returns trigger language plpgsql as $$
begin
  raise exception 'impact method version % is immutable: store a new version instead', old.version
    using errcode = 'integrity_constraint_violation';
end;
$$;
create trigger impact_methods_immutable before update or delete on impact_methods
  for each row execute function refuse_impact_method_change();

-- Version 1. The seed report publishes its method but not its coefficients: each default below quotes the
-- method text it follows and is labelled an assumption where the number itself is ours.
insert into impact_methods (version, name, formula, multi_platform_adjustment, multi_platform_source, multi_platform_is_assumption, components, note) values (
  1,
  'GROW 默认方法 v1 / GROW default method v1',
  '估算 = Σ 分项；分项 = (各输入之和) × 系数 × (多平台调整系数，仅标注的分项) / estimate = Σ components; component = (sum of its inputs) × coefficient × (multi-platform adjustment, where marked)',
  0.5,
  '《快手促进就业与数字劳动者发展报告》数据说明：“调研中发现绝大多数内容创作者为多平台创作者，为优化测算结果的准确性，我们通过系数调节得出……”。报告未公布该系数；0.5（一人在两个平台工作，本平台计半个岗位）为假设 / The report adjusts for multi-platform work by a coefficient it does not publish; 0.5 is an assumption.',
  true,
  '[
    {"name": "recruitmentWork", "label": "直播招聘从业者 / people recruiting on the platform", "inputs": ["activeHosts", "activeRecruiters"], "coefficient": 1, "multiPlatform": true, "isAssumption": true,
     "source": "《快手促进就业与数字劳动者发展报告》数据说明：“对快手主要业务板块的直接就业和间接带动就业数字进行测算”，内容板块“基于……获得收入的内容创作者数量”。此处以窗口内活跃主播与招聘官为直接从业者，每人计 1 个岗位（假设） / one job per active host or recruiter (assumption)."},
    {"name": "upDownstream", "label": "上下游带动 / up- and downstream jobs", "inputs": ["companies"], "coefficient": 1, "multiPlatform": false, "isAssumption": true,
     "source": "《快手促进就业与数字劳动者发展报告》数据说明：“基于……广告主、商家、服务商、代理商等业务数据统计，结合中国人民大学劳动人事学院课题组关于行业上下游就业机会系数的测算”。报告未公布该系数；每家提供岗位的企业计 1 个（假设） / the report does not publish the up/downstream coefficient; 1 per company offering jobs is an assumption."},
    {"name": "agencyServices", "label": "人力资源服务机构 / agency and dispatch firms", "inputs": ["agencyCompanies"], "coefficient": 1, "multiPlatform": false, "isAssumption": true,
     "source": "《快手促进就业与数字劳动者发展报告》数据说明：“服务商、代理商等业务数据统计”。每家提供岗位的中介或派遣机构计 1 个岗位（假设） / one job per agency or dispatch firm offering jobs (assumption)."}
  ]'::jsonb,
  '默认方法：报告公开了测算思路而未公开系数，所有系数均为假设，管理员可发布新版本 / Default: the report publishes its approach, not its coefficients; every coefficient is an assumption until an admin publishes a sourced version.'
);
