<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../inspector/app.py" line="60"/>
        <source>Inspector cannot open the database:
{0}</source>
        <translation>督查通无法打开数据库：
{0}</translation>
    </message>
    <message>
        <location filename="../../inspector/app.py" line="64"/>
        <source>Inspector</source>
        <translation>督查通</translation>
    </message>
</context>
<context>
    <name>Bundles</name>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="52"/>
        <source>Counties</source>
        <translation>县区</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="53"/>
        <source>Townships</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="54"/>
        <source>Forms</source>
        <translation>督查表</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="55"/>
        <source>Campaigns</source>
        <translation>督查批次</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="56"/>
        <source>Inspectors</source>
        <translation>督查人员</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="57"/>
        <source>Inspections</source>
        <translation>督查记录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="58"/>
        <source>Answers</source>
        <translation>评分记录</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="59"/>
        <source>Notices</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="60"/>
        <source>Problems</source>
        <translation>问题清单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="61"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="59"/>
        <source>Inspector bundles (*{0});;All files (*)</source>
        <translation>督查数据包 (*{0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="97"/>
        <source>Export bundle</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="111"/>
        <source>Campaign kit for {0}</source>
        <translation>{0}的督查批次数据包</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="112"/>
        <source>Everything on this laptop</source>
        <translation>本机全部数据</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="114"/>
        <source>{0:,} rows, {1} attachments, file {2}</source>
        <translation>{0:,} 行记录，{1} 个附件，文件 {2}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="119"/>
        <source>Exporting bundle…</source>
        <translation>正在导出数据包…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="208"/>
        <source>Import bundle</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="217"/>
        <source>Imported {0} from {1}: {2:,} new, {3:,} updated, {4:,} unchanged.</source>
        <translation>已从{1}导入 {0}：新增 {2:,} 条，更新 {3:,} 条，未变 {4:,} 条。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="220"/>
        <source>{0} conflict(s) to review under File → Conflicts.</source>
        <translation>有 {0} 处冲突待处理，请在“文件 → 冲突”中查看。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="223"/>
        <source>Duplicate notice numbers: {0}</source>
        <translation>重复的通知书文号：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="231"/>
        <source>Importing bundle…</source>
        <translation>正在导入数据包…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="235"/>
        <source>Checking bundle…</source>
        <translation>正在检查数据包…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="252"/>
        <source>Last import: {0} from {1}</source>
        <translation>最近导入：{0}（来自{1}）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="256"/>
        <source>Last export: {0}</source>
        <translation>最近导出：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="259"/>
        <source>{0} unresolved conflict(s)</source>
        <translation>{0} 处冲突未处理</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../inspector/ui/campaign_dialog.py" line="29"/>
        <source>New campaign</source>
        <translation>新建督查批次</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/campaign_dialog.py" line="32"/>
        <source>e.g. {0}年第三季度基层党建专项督查</source>
        <translation>例如：{0}年第三季度基层党建专项督查</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/campaign_dialog.py" line="44"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/campaign_dialog.py" line="45"/>
        <source>Checklist form</source>
        <translation>督查表</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/campaign_dialog.py" line="46"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/campaign_dialog.py" line="47"/>
        <source>约谈: bottom townships</source>
        <translation>约谈：排名末位乡镇数</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/campaign_dialog.py" line="58"/>
        <source>No checklist form is installed: install one in Settings first.</source>
        <translation>尚未安装督查表，请先在“设置”中导入。</translation>
    </message>
</context>
<context>
    <name>ChecklistWidget</name>
    <message>
        <location filename="../../inspector/ui/checklist.py" line="102"/>
        <source>Only my sections</source>
        <translation>只看本机负责的部分</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist.py" line="104"/>
        <source>Tick the sections this laptop is doing in the list on the left; the others are hidden.</source>
        <translation>在左侧列表中勾选本机负责的部分，其余部分将被隐藏。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist.py" line="113"/>
        <source>This inspection is finished and read-only. Reopen it to change answers.</source>
        <translation>本次督查已完成，处于只读状态。如需修改，请先重新打开。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist.py" line="135"/>
        <source>Keys: 1 meets · 2 partly meets · 3 does not meet · 4 not applicable · 0 clear · ↑↓ or Tab to move</source>
        <translation>快捷键：1 符合 · 2 基本符合 · 3 不符合 · 4 不适用 · 0 清除 · ↑↓ 或 Tab 切换条目</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist.py" line="200"/>
        <source>{0} — checklist</source>
        <translation>{0} — 督查表</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist.py" line="235"/>
        <source>Ticked: this laptop is doing this section</source>
        <translation>已勾选：本部分由本机负责填写</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist.py" line="245"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist.py" line="245"/>
        <source>Finish inspection</source>
        <translation>完成督查</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist.py" line="259"/>
        <source>veto failed: {0}</source>
        <translation>一票否决：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist.py" line="261"/>
        <source>Score &lt;b&gt;{0:.1f}&lt;/b&gt; &amp;nbsp; &lt;span style=&apos;color:#d4ac0d&apos;&gt;{1}&lt;/span&gt; &amp;nbsp; {2}/{3} answered</source>
        <translation>得分 &lt;b&gt;{0:.1f}&lt;/b&gt; &amp;nbsp; &lt;span style=&apos;color:#d4ac0d&apos;&gt;{1}&lt;/span&gt; &amp;nbsp; 已评 {2}/{3} 项</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist.py" line="274"/>
        <source>{0}
{1}/{2} answered · score {3}</source>
        <translation>{0}
已评 {1}/{2} 项 · 得分 {3}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist.py" line="341"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist.py" line="405"/>
        <source>Add photos to {0}</source>
        <translation>为 {0} 添加照片</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist.py" line="406"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff);;All files (*)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist.py" line="425"/>
        <source>Photos not added</source>
        <translation>照片未添加</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="77"/>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="205"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="91"/>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="93"/>
        <source>Keep this one</source>
        <translation>保留此版本</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="97"/>
        <source>No unresolved conflicts: every edit made on two laptops at once has been settled.</source>
        <translation>没有未处理的冲突：两台电脑同时修改的记录均已处理。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="138"/>
        <source>{0}: {1} ({2} fields differ)</source>
        <translation>{0}：{1}（{2} 个字段不同）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="163"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="164"/>
        <source>Current version
{0}</source>
        <translation>当前版本
{0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="166"/>
        <source>Other version
{0}</source>
        <translation>另一版本
{0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/conflicts_dialog.py" line="169"/>
        <source>This {0} row was changed on two laptops at once. The newer change is current; the other was kept. Highlighted fields differ. Keep the version that is right: it becomes a new change that replaces both on every laptop.</source>
        <translation>这条{0}记录在两台电脑上被同时修改。较新的修改为当前版本，另一版本已保留，高亮的字段为不同之处。请保留正确的版本：它将作为一次新的修改，在所有电脑上取代这两个版本。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="134"/>
        <source>Import bundle</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="137"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;from {1}, made {2}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;来自{1}，修改于 {2}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="146"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="155"/>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="155"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="155"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="155"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="156"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="165"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="185"/>
        <source>Attachments: {0} new, {1} already here.</source>
        <translation>附件：新增 {0} 个，已有 {1} 个。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="188"/>
        <source>{0} row(s) were changed both here and on {1}. The newer change wins; the other is kept under File → Conflicts for you to decide.</source>
        <translation>有 {0} 条记录在本机和{1}上都被修改过。以较新的修改为准，另一版本保留在“文件 → 冲突”中供您决定。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="192"/>
        <source>Notice number {0} would be held by {1} notices: renumber one of them.</source>
        <translation>文号 {0} 将被 {1} 份通知书同时使用，请为其中一份重新编号。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="195"/>
        <source>Everything in this bundle is already here: nothing to import.</source>
        <translation>数据包中的内容本机均已存在，无需导入。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/bundle_dialogs.py" line="198"/>
        <source>The database is backed up before anything is written.</source>
        <translation>写入前会先备份数据库。</translation>
    </message>
</context>
<context>
    <name>IssueNoticeDialog</name>
    <message>
        <location filename="../../inspector/ui/issue_notice_dialog.py" line="174"/>
        <source>Issue rectification notice</source>
        <translation>下发整改通知书</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/issue_notice_dialog.py" line="190"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/issue_notice_dialog.py" line="191"/>
        <source>Select none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/issue_notice_dialog.py" line="209"/>
        <source>Issue</source>
        <translation>下发</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/issue_notice_dialog.py" line="212"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/issue_notice_dialog.py" line="219"/>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/issue_notice_dialog.py" line="220"/>
        <source>Addressee</source>
        <translation>主送单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/issue_notice_dialog.py" line="221"/>
        <source>Report back by</source>
        <translation>报送整改情况截止</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/issue_notice_dialog.py" line="224"/>
        <source>Problems on the notice:</source>
        <translation>通知书所列问题：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector/ui/issue_notice_dialog.py" line="257"/>
        <source>%1 %2 (%n problem(s))</source>
        <translation>
            <numerusform>%1 %2（%n 个问题）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector/ui/issue_notice_dialog.py" line="277"/>
        <source>No open problems that are not on a notice already.</source>
        <translation>没有尚未列入通知书的未销号问题。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/issue_notice_dialog.py" line="313"/>
        <source>Notice not issued</source>
        <translation>通知书未下发</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <location filename="../../inspector/ui/item_card.py" line="103"/>
        <source>not counted</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/item_card.py" line="118"/>
        <source>Note (what was seen, which records)…</source>
        <translation>备注（查看了什么、哪些台账）…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/item_card.py" line="119"/>
        <source>Write the answer…</source>
        <translation>填写意见…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/item_card.py" line="125"/>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/item_card.py" line="142"/>
        <source>{0:g} points</source>
        <translation>{0:g} 分</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/item_card.py" line="151"/>
        <source>target: at least {0}</source>
        <translation>要求：不少于 {0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/item_card.py" line="153"/>
        <source>target: at most {0}</source>
        <translation>要求：不超过 {0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/item_card.py" line="154"/>
        <source>; {0:g} off per unit missed</source>
        <translation>；每差 1 个扣 {0:g} 分</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/item_card.py" line="171"/>
        <source>{0} problem(s) recorded</source>
        <translation>已记录 {0} 个问题</translation>
    </message>
</context>
<context>
    <name>ItemProblemDialog</name>
    <message>
        <location filename="../../inspector/ui/item_problem_dialog.py" line="33"/>
        <source>Record a problem</source>
        <translation>记录问题</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/item_problem_dialog.py" line="34"/>
        <source>Item {0} does not meet the requirement. Add it to the problem list?</source>
        <translation>第 {0} 项不符合要求。是否列入问题清单？</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/item_problem_dialog.py" line="46"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/item_problem_dialog.py" line="47"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/item_problem_dialog.py" line="48"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/item_problem_dialog.py" line="50"/>
        <source>Add problem</source>
        <translation>列入问题清单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/item_problem_dialog.py" line="52"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="75"/>
        <source>督查通 Inspector — {0}</source>
        <translation>督查通 — {0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="84"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="85"/>
        <source>Checklist</source>
        <translation>督查表</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="96"/>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="106"/>
        <source>Problems</source>
        <translation>问题清单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="108"/>
        <source>Notices</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="121"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="123"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="124"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="125"/>
        <source>&amp;New campaign…</source>
        <translation>新建督查批次(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="127"/>
        <source>Open &amp;checklist</source>
        <translation>打开督查表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="128"/>
        <source>Fill in the checklist of the selected township</source>
        <translation>填写所选乡镇（街道）的督查表</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="129"/>
        <location filename="../../inspector/ui/main_window.py" line="255"/>
        <source>&amp;Finish inspection</source>
        <translation>完成督查(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="131"/>
        <source>Township &amp;page</source>
        <translation>乡镇（街道）概况(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="133"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="136"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="138"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="142"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="149"/>
        <source>&amp;Inspection</source>
        <translation>督查(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="157"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="163"/>
        <source>&amp;Export bundle…</source>
        <translation>导出数据包(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="166"/>
        <source>&amp;Import bundle…</source>
        <translation>导入数据包(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="169"/>
        <source>&amp;Conflicts…</source>
        <translation>冲突处理(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="176"/>
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="178"/>
        <source>Township &amp;feedback form (督查情况反馈表)…</source>
        <translation>督查情况反馈表(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="180"/>
        <source>&amp;Rectification notice (整改通知书)…</source>
        <translation>整改通知书(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="182"/>
        <source>Campaign &amp;summary (星级评定汇总)…</source>
        <translation>星级评定汇总(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="184"/>
        <source>&amp;Problem list (问题清单)…</source>
        <translation>问题清单(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="191"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="194"/>
        <source>Campaign:</source>
        <translation>督查批次：</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="254"/>
        <source>&amp;Reopen inspection</source>
        <translation>重新打开督查(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="312"/>
        <location filename="../../inspector/ui/main_window.py" line="327"/>
        <source>Choose a township first.</source>
        <translation>请先选择一个乡镇（街道）。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="315"/>
        <source>There is no campaign yet.</source>
        <translation>还没有督查批次。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="380"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="381"/>
        <source>The Chinese translation file is missing.</source>
        <translation>缺少中文翻译文件。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="415"/>
        <location filename="../../inspector/ui/main_window.py" line="428"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="416"/>
        <source>Inspector databases (*.db *.sqlite);;All files (*)</source>
        <translation>督查通数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="438"/>
        <source>About Inspector</source>
        <translation>关于督查通</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="439"/>
        <source>&lt;h3&gt;督查通 Inspector {0}&lt;/h3&gt;&lt;p&gt;Offline inspection of township party-building work: checklists, problem lists, rectification notices, star ratings.&lt;/p&gt;&lt;p&gt;Database: {1}&lt;/p&gt;&lt;p&gt;Chinese font: WenQuanYi Micro Hei (Apache 2.0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;督查通 {0}&lt;/h3&gt;&lt;p&gt;乡镇（街道）基层党建工作离线督查：督查表、问题清单、整改通知书、星级评定。&lt;/p&gt;&lt;p&gt;数据库：{1}&lt;/p&gt;&lt;p&gt;中文字体：文泉驿微米黑（Apache 2.0 许可）。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NoticeListWidget</name>
    <message>
        <location filename="../../inspector/ui/notices.py" line="133"/>
        <source>Issue notice…</source>
        <translation>下发整改通知书…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/notices.py" line="134"/>
        <source>View / print</source>
        <translation>查看 / 打印</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector/ui/notices.py" line="175"/>
        <source>%n notice(s)</source>
        <translation>
            <numerusform>%n 份通知书</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector/ui/notices.py" line="217"/>
        <source>Notice issued</source>
        <translation>通知书已下发</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/notices.py" line="218"/>
        <source>Issued {0} to {1}.</source>
        <translation>已向{1}下发 {0}。</translation>
    </message>
</context>
<context>
    <name>NoticeProblemModel</name>
    <message>
        <location filename="../../inspector/ui/issue_notice_dialog.py" line="72"/>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/issue_notice_dialog.py" line="72"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/issue_notice_dialog.py" line="72"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/issue_notice_dialog.py" line="73"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>NoticeTableModel</name>
    <message>
        <location filename="../../inspector/ui/notices.py" line="61"/>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/notices.py" line="61"/>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/notices.py" line="61"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/notices.py" line="62"/>
        <source>Issued on</source>
        <translation>下发日期</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/notices.py" line="62"/>
        <source>Report back by</source>
        <translation>报送整改情况截止</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/notices.py" line="62"/>
        <source>Problems</source>
        <translation>问题清单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/notices.py" line="63"/>
        <source>PDF archived</source>
        <translation>PDF 已存档</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/notices.py" line="63"/>
        <source>Addressee</source>
        <translation>主送单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/notices.py" line="103"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/notices.py" line="103"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ProblemActions</name>
    <message>
        <location filename="../../inspector/ui/problem_actions.py" line="55"/>
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_actions.py" line="58"/>
        <source>Images (%s);;All files (*)</source>
        <translation>图片 (%s);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_actions.py" line="115"/>
        <source>Reject rectification</source>
        <translation>复查退回</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector/ui/problem_actions.py" line="116"/>
        <source>Why is the rectification not accepted? (%n problem(s))</source>
        <translation>
            <numerusform>整改为何未通过复查？（%n 个问题）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_actions.py" line="125"/>
        <source>Verify and close</source>
        <translation>验收销号</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector/ui/problem_actions.py" line="126"/>
        <source>Close %n problem(s) as verified? This cannot be undone.</source>
        <translation>
            <numerusform>确认 %n 个问题已验收并销号？此操作无法撤销。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemListWidget</name>
    <message>
        <location filename="../../inspector/ui/problem_list.py" line="100"/>
        <source>Overdue only</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_list.py" line="107"/>
        <source>Show problems in this state (none pressed: all)</source>
        <translation>显示此状态的问题（都不选则显示全部）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_list.py" line="112"/>
        <source>Search problem, township, responsible unit or item…</source>
        <translation>搜索问题、乡镇（街道）、责任单位或条目…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_list.py" line="118"/>
        <source>Campaign</source>
        <translation>督查批次</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_list.py" line="119"/>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_list.py" line="120"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_list.py" line="131"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_list.py" line="249"/>
        <source>All campaigns</source>
        <translation>全部督查批次</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_list.py" line="254"/>
        <source>All counties</source>
        <translation>全部县区</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_list.py" line="271"/>
        <source>All townships</source>
        <translation>全部乡镇（街道）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector/ui/problem_list.py" line="315"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector/ui/problem_list.py" line="317"/>
        <source>%n selected: too many for one step</source>
        <translation>
            <numerusform>已选 %n 个：数量过多，无法一次处理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector/ui/problem_list.py" line="319"/>
        <source>%n selected</source>
        <translation>
            <numerusform>已选 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemPanel</name>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="99"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="100"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="103"/>
        <location filename="../../inspector/ui/problem_panel.py" line="219"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="106"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="107"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="108"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="109"/>
        <source>Rectification measure</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="110"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="125"/>
        <source>Rectification</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="127"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="128"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="129"/>
        <source>Rectified on</source>
        <translation>整改完成日期</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="130"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="131"/>
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="132"/>
        <source>Notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="152"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="153"/>
        <source>Evidence photos</source>
        <translation>佐证照片</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector/ui/problem_panel.py" line="218"/>
        <source>%n problem(s) selected</source>
        <translation>
            <numerusform>已选 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="221"/>
        <source>The buttons below act on all selected problems at once.</source>
        <translation>下方按钮将同时作用于所有选中的问题。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="222"/>
        <source>Select a problem in the list to see and edit it.</source>
        <translation>在列表中选择一个问题以查看和编辑。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector/ui/problem_panel.py" line="248"/>
        <source>%1 — overdue by %n day(s)</source>
        <translation>
            <numerusform>%1 — 已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="318"/>
        <source>Problem not saved</source>
        <translation>问题未保存</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_panel.py" line="355"/>
        <source>Photos not added</source>
        <translation>照片未添加</translation>
    </message>
</context>
<context>
    <name>ProblemStatus</name>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="263"/>
        <source>Open</source>
        <translation>待整改</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="264"/>
        <source>Rectifying</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="265"/>
        <source>Rectified</source>
        <translation>已整改待验收</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="266"/>
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../inspector/ui/problem_model.py" line="58"/>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_model.py" line="59"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_model.py" line="60"/>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_model.py" line="61"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_model.py" line="62"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_model.py" line="63"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_model.py" line="64"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_model.py" line="65"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_model.py" line="66"/>
        <source>Notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_model.py" line="73"/>
        <source>Open</source>
        <translation>待整改</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_model.py" line="74"/>
        <source>Rectifying</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_model.py" line="75"/>
        <source>Rectified, to verify</source>
        <translation>已整改待验收</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_model.py" line="77"/>
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_model.py" line="84"/>
        <source>Start rectification</source>
        <translation>开始整改</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_model.py" line="85"/>
        <source>Mark rectified…</source>
        <translation>标记整改完成…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_model.py" line="86"/>
        <source>Verify and close</source>
        <translation>验收销号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_model.py" line="87"/>
        <source>Reject…</source>
        <translation>复查退回…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector/ui/problem_model.py" line="238"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RectifyDialog</name>
    <message>
        <location filename="../../inspector/ui/problem_actions.py" line="67"/>
        <source>Mark rectified</source>
        <translation>标记整改完成</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_actions.py" line="70"/>
        <source>What the township did, and the evidence it sent</source>
        <translation>乡镇（街道）的整改措施及报送的佐证材料</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_actions.py" line="73"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inspector/ui/problem_actions.py" line="81"/>
        <source>Rectification of %n problem(s):</source>
        <translation>
            <numerusform>%n 个问题的整改情况：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../inspector/ui/problem_actions.py" line="84"/>
        <source>Evidence photos (optional):</source>
        <translation>佐证照片（可选）：</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../inspector/ui/report_view.py" line="65"/>
        <source>{0} pages</source>
        <translation>共 {0} 页</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/report_view.py" line="66"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/report_view.py" line="67"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/report_view.py" line="68"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/report_view.py" line="93"/>
        <location filename="../../inspector/ui/report_view.py" line="99"/>
        <source>Save report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/report_view.py" line="93"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/report_view.py" line="129"/>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="54"/>
        <source>{0} counties and {1} townships added or changed, {2} unchanged</source>
        <translation>新增或更新 {0} 个县区、{1} 个乡镇（街道），{2} 个未变</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="67"/>
        <location filename="../../inspector/ui/settings_dialog.py" line="156"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="77"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="81"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="85"/>
        <source>e.g. 王建国 0580-2281234</source>
        <translation>例如：王建国 0580-2281234</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="89"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="93"/>
        <source>This laptop</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="95"/>
        <source>Inspector name</source>
        <translation>督查人员姓名</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="96"/>
        <source>Device name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="97"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="98"/>
        <source>Rectification notices</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="100"/>
        <source>Number prefix</source>
        <translation>文号前缀</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="104"/>
        <source>Number block (from, to)</source>
        <translation>本机编号段（起、止）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="105"/>
        <source>Default deadline</source>
        <translation>默认整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="106"/>
        <source>Issuing body</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="107"/>
        <source>Contact</source>
        <translation>联系人及电话</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="109"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="110"/>
        <source>Township list (CSV)…</source>
        <translation>乡镇（街道）名单（CSV）…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="111"/>
        <source>Checklist form (TOML)…</source>
        <translation>督查表（TOML）…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="149"/>
        <source>The notice number prefix cannot be empty (e.g. 舟组督).</source>
        <translation>文号前缀不能为空（例如：舟组督）。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="152"/>
        <source>The number block ends before it starts.</source>
        <translation>编号段的止号小于起号。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="154"/>
        <source>Give this laptop a device name (it shows in bundles).</source>
        <translation>请为本机设置设备名称（会显示在数据包中）。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="166"/>
        <source>Import a township list</source>
        <translation>导入乡镇（街道）名单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="167"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="174"/>
        <source>Township list</source>
        <translation>乡镇（街道）名单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="177"/>
        <source>Township list not imported</source>
        <translation>乡镇（街道）名单未导入</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="178"/>
        <source>Nothing was imported:

{0}</source>
        <translation>未导入任何内容：

{0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="180"/>
        <source>Importing townships</source>
        <translation>正在导入乡镇（街道）名单</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="184"/>
        <source>Install a checklist form</source>
        <translation>安装督查表</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="185"/>
        <source>Forms (*.toml);;All files (*)</source>
        <translation>督查表 (*.toml);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="197"/>
        <location filename="../../inspector/ui/settings_dialog.py" line="201"/>
        <source>Form not installed</source>
        <translation>督查表未安装</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="204"/>
        <source>Form installed</source>
        <translation>督查表已安装</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="205"/>
        <source>{0}: ok — {1} {2}, {3} sections, {4} items, {5:g} points</source>
        <translation>{0}：检查通过 — {1} {2}，{3} 个部分，{4} 项，共 {5:g} 分</translation>
    </message>
</context>
<context>
    <name>TownshipPage</name>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="96"/>
        <source>Sections (filled by all laptops)</source>
        <translation>各部分填写情况（汇总所有电脑）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="98"/>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="98"/>
        <source>Answered</source>
        <translation>已评</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="98"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="98"/>
        <source>Filled</source>
        <translation>填写情况</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="105"/>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="105"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="105"/>
        <location filename="../../inspector/ui/township_page.py" line="115"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="105"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="108"/>
        <source>Open in the problem list</source>
        <translation>在问题清单中查看</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="115"/>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="115"/>
        <source>Issued</source>
        <translation>下发日期</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="115"/>
        <source>Problems</source>
        <translation>问题数</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="160"/>
        <source>Choose a township on the left.</source>
        <translation>请在左侧选择一个乡镇（街道）。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="161"/>
        <source>There is no campaign yet: create one (Inspection → New campaign…) or import a bundle from headquarters (File → Import bundle…).</source>
        <translation>还没有督查批次：请新建（督查 → 新建督查批次…），或导入市委组织部下发的数据包（文件 → 导入数据包…）。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="179"/>
        <source>Not inspected yet in this campaign.</source>
        <translation>本批次尚未督查。</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="181"/>
        <source>Start inspection</source>
        <translation>开始督查</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="186"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="186"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="187"/>
        <source>Status: {0}</source>
        <translation>状态：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="189"/>
        <source>inspected on {0}</source>
        <translation>督查日期 {0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="193"/>
        <source>finished {0}</source>
        <translation>完成于 {0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="195"/>
        <source>Open checklist</source>
        <translation>打开督查表</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="196"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="196"/>
        <source>Finish inspection</source>
        <translation>完成督查</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="206"/>
        <source>veto failed: {0}</source>
        <translation>一票否决：{0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="208"/>
        <source>Total &lt;b&gt;{0:.1f}&lt;/b&gt;  &lt;span style=&apos;color:#d4ac0d&apos;&gt;{1}&lt;/span&gt;  ({2}/{3} items answered)</source>
        <translation>总分 &lt;b&gt;{0:.1f}&lt;/b&gt;  &lt;span style=&apos;color:#d4ac0d&apos;&gt;{1}&lt;/span&gt;（已评 {2}/{3} 项）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="220"/>
        <source>Complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="222"/>
        <source>Partly</source>
        <translation>部分完成</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="224"/>
        <source>Not yet</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="235"/>
        <source>Problems: {0} open, {1} overdue, {2} in all</source>
        <translation>问题：未销号 {0} 个，逾期 {1} 个，共 {2} 个</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_page.py" line="250"/>
        <source>Rectification notices: {0}</source>
        <translation>整改通知书：{0} 份</translation>
    </message>
</context>
<context>
    <name>TownshipTree</name>
    <message>
        <location filename="../../inspector/ui/township_tree.py" line="218"/>
        <source>Find a township…</source>
        <translation>查找乡镇（街道）…</translation>
    </message>
</context>
<context>
    <name>TownshipTreeModel</name>
    <message>
        <location filename="../../inspector/ui/township_tree.py" line="41"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_tree.py" line="41"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_tree.py" line="42"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_tree.py" line="135"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_tree.py" line="135"/>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_tree.py" line="135"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_tree.py" line="135"/>
        <source>Open</source>
        <translation>未销号</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_tree.py" line="136"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_tree.py" line="166"/>
        <source>{0}/{1} finished</source>
        <translation>已完成 {0}/{1}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_tree.py" line="187"/>
        <source>{0}: not inspected yet</source>
        <translation>{0}：尚未督查</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/township_tree.py" line="188"/>
        <source>{0}: score {1:.1f}, {2}/{3} items answered</source>
        <translation>{0}：得分 {1:.1f}，已评 {2}/{3} 项</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../inspector/ui/verdict_buttons.py" line="22"/>
        <source>Meets</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/verdict_buttons.py" line="23"/>
        <source>Partly meets</source>
        <translation>基本符合</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/verdict_buttons.py" line="24"/>
        <source>Does not meet</source>
        <translation>不符合</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/verdict_buttons.py" line="25"/>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <location filename="../../inspector/ui/worker.py" line="96"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/worker.py" line="119"/>
        <source>Unexpected error: {0}</source>
        <translation>意外错误：{0}</translation>
    </message>
</context>
</TS>
