-- 新职业 codes and announcement batches (issue 12, Renovate), per entry with its source. Only codes that a public
-- document states are filled in; an entry whose name matches no announced occupation keeps no code (跨境电子商务师
-- is not the 2022 大典's 跨境电商运营管理师, 商业数据分析师 not the 2022 batch's 商务数据分析师: names differ, so no code).
-- The MOHRSS batches since the 2015 大典 (人社部、市场监管总局、统计局): 2019-04 first (13), 2020-02 second (16),
-- 2020-07 third (9), 2021-03 fourth (18); the 2022 大典 (2022年版《中华人民共和国职业分类大典》) took them in,
-- with new codes for some. An admin's own correction wins: only entries still without a code are touched.

update occupations set
  classification_code = '4-04-05-05',
  announcement_batch = '2020年2月 第二批新职业（人社厅发〔2020〕17号）',
  source = source || '；编码与批次：人社部办公厅 市场监管总局办公厅 统计局办公室《关于发布智能制造工程技术人员等职业信息的通知》（人社厅发〔2020〕17号）；《人工智能训练师国家职业技能标准（2021年版）》职业编码 4-04-05-05，含数据标注员、人工智能算法测试员两个工种'
where name = '人工智能训练师' and classification_code is null;

update occupations set
  classification_code = '4-01-06-02',
  announcement_batch = '2020年7月 第三批新职业（发布时编码 4-01-02-07）；2022年版大典 4-01-06-02',
  source = source || '；编码：《互联网营销师国家职业技能标准（2021年版）》（人社部、中央网信办、国家广电总局）职业编码 4-01-02-07，含选品员、直播销售员、视频创推员、平台管理员四个工种；2022年版《中华人民共和国职业分类大典》列于 4-01-06 电子商务服务人员，编码 4-01-06-02'
where name = '互联网营销师' and classification_code is null;

-- Announced in the second batch; its code is not stated here because no public document at hand gives it.
update occupations set
  announcement_batch = '2020年2月 第二批新职业（人社厅发〔2020〕17号）',
  source = source || '；批次：人社厅发〔2020〕17号（第二批新职业，与人工智能训练师同批）；编码未核实，未填写'
where name = '虚拟现实工程技术人员' and announcement_batch is null;

-- 网约配送员 (外卖骑手): a second-batch new occupation that live recruitment fills every day, so jobs can carry it.
insert into occupations (name, occupation_group, announcement_batch, source) values
  ('网约配送员', 'business_trainer', '2020年2月 第二批新职业（人社厅发〔2020〕17号）',
   '人社厅发〔2020〕17号（第二批新职业）：网约配送员，即外卖、即时配送骑手；编码未核实，未填写。分组为 Jobcast 归类（商业生态） / group assigned by Jobcast')
on conflict (name) do nothing;
