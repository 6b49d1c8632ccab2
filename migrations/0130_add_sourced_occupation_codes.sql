-- 新职业 codes, second pass (issue 12, Renovate): the two announced occupations 0098 left without a code, and two
-- classified occupations a live-recruitment platform employs. Codes are the 2022 大典's (as 0098 stored
-- 互联网营销师's), each with its source; the code an occupation was announced with goes in its batch where a
-- public document gives it. As in 0098, an admin's own correction wins: only entries still without a code change.
--
-- The 2022 大典 codes were read from its classification table (分类体系表) as published with the 2022 revision, in
-- the machine-readable copy at https://github.com/Optima-Chat/china-jobs (data/occupations_raw.json, parsed from the
-- table's PDF in the same repository). 网约配送员's announced code is that of its national skill standard.

update occupations set
  classification_code = '2-02-38-07',
  announcement_batch = '2020年2月 第二批新职业（人社厅发〔2020〕17号）；2022年版大典 2-02-38-07',
  source = replace(source, '；编码未核实，未填写', '')
    || '；编码：2022年版《中华人民共和国职业分类大典》分类体系表 2-02-38 数字技术工程技术人员，2-02-38-07 虚拟现实工程技术人员（据 github.com/Optima-Chat/china-jobs 所附分类体系表的解析）；发布时（2020年）的编码未核实'
where name = '虚拟现实工程技术人员' and classification_code is null;

update occupations set
  classification_code = '4-10-08-01',
  announcement_batch = '2020年2月 第二批新职业（发布时编码 4-02-07-10）；2022年版大典 4-10-08-01',
  source = replace(source, '编码未核实，未填写。', '')
    || '；编码：《网约配送员国家职业技能标准（2021年版）》（人社部）职业编码 4-02-07-10（文本见 https://renrendoc.com/paper/358061874.html）；2022年版《中华人民共和国职业分类大典》分类体系表 4-10-08-01（据 github.com/Optima-Chat/china-jobs 的解析）'
where name = '网约配送员' and classification_code is null;

-- Two classified occupations the platform's own people hold: 全媒体运营师 (second batch, 2020-02: hosts who run a
-- company's live and short-video channels) and 招聘师 (2022 大典: the recruiters). Groups assigned by Jobcast.
insert into occupations (name, occupation_group, classification_code, announcement_batch, source) values
  ('全媒体运营师', 'content_creator', '4-13-01-05', '2020年2月 第二批新职业（人社厅发〔2020〕17号）；2022年版大典 4-13-01-05',
   '批次：人社部、市场监管总局、统计局发布的第二批16个新职业（新华社2020年3月2日电，转载见 http://jszp.org/news/news_show/id/14535.html）；编码：2022年版《中华人民共和国职业分类大典》分类体系表 4-13-01-05（据 github.com/Optima-Chat/china-jobs 的解析）。分组为 Jobcast 归类 / group assigned by Jobcast'),
  ('招聘师', 'content_creator', '4-07-03-08', '2022年版《中华人民共和国职业分类大典》',
   '2022年版《中华人民共和国职业分类大典》分类体系表 4-07-03 人力资源服务人员，4-07-03-08 招聘师（据 github.com/Optima-Chat/china-jobs 的解析）；是否为新增职业未核实。分组为 Jobcast 归类，同互联网招聘师 / group assigned by Jobcast')
on conflict (name) do nothing;
