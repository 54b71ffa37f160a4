<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddProblemDialog</name>
    <message>
        <location filename="../../ui/add_problem_dialog.py" line="43"/>
        <source>Add a problem</source>
        <translation>新增问题</translation>
    </message>
    <message>
        <location filename="../../ui/add_problem_dialog.py" line="52"/>
        <source>What was found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../ui/add_problem_dialog.py" line="59"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/add_problem_dialog.py" line="60"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/add_problem_dialog.py" line="61"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/add_problem_dialog.py" line="62"/>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../app.py" line="140"/>
        <source>Inspector cannot open the database:
{0}</source>
        <translation>督查通无法打开数据库：
{0}</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="51"/>
        <location filename="../../app.py" line="145"/>
        <source>Inspector</source>
        <translation>督查通</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../ui/backup_dialog.py" line="36"/>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="37"/>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="38"/>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="165"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="173"/>
        <source>The backup taken {0} is back in place.</source>
        <translation>已恢复 {0} 的备份。</translation>
    </message>
</context>
<context>
    <name>Bundles</name>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="51"/>
        <source>Counties</source>
        <translation>县区</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="52"/>
        <source>Townships</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="53"/>
        <source>Forms</source>
        <translation>督查表</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="54"/>
        <source>Campaigns</source>
        <translation>督查批次</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="55"/>
        <source>Inspectors</source>
        <translation>督查人员</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="56"/>
        <source>Inspections</source>
        <translation>督查记录</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="57"/>
        <source>Answers</source>
        <translation>评分记录</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="58"/>
        <source>Self-assessments</source>
        <translation>自评</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="59"/>
        <source>Notices</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="60"/>
        <source>Problems</source>
        <translation>问题清单</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="61"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="77"/>
        <source>Inspector bundles (*{0});;All files (*)</source>
        <translation>督查数据包 (*{0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="221"/>
        <source>Export bundle</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="236"/>
        <source>Campaign kit for {0}</source>
        <translation>{0}的督查批次数据包</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="240"/>
        <source>Changes the other devices have not acknowledged yet</source>
        <translation>其他设备尚未确认收到的变化</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="244"/>
        <source>Everything on this laptop</source>
        <translation>本机全部数据</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="250"/>
        <source>{0:,} rows, {1} attachments, file {2}</source>
        <translation>{0:,} 行记录，{1} 个附件，文件 {2}</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="253"/>
        <source>Readable by {0} device(s)</source>
        <translation>可由 {0} 台设备读取</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="257"/>
        <source> and with the passphrase</source>
        <translation>，也可凭口令读取</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="278"/>
        <source>Exporting bundle…</source>
        <translation>正在导出数据包…</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="444"/>
        <location filename="../../ui/bundle_dialogs.py" line="539"/>
        <source>Import bundle</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="453"/>
        <source>Imported {0} from {1}: {2:,} new, {3:,} updated, {4:,} unchanged.</source>
        <translation>已从 {1} 导入 {0}：新增 {2:,} 条，更新 {3:,} 条，未变 {4:,} 条。</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="457"/>
        <source>{0} conflict(s) to review under File → Conflicts.</source>
        <translation>有 {0} 处冲突待处理，请在“文件 → 冲突”中查看。</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="461"/>
        <source>Duplicate notice numbers: {0}</source>
        <translation>重复的通知书文号：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="478"/>
        <source>Importing bundle…</source>
        <translation>正在导入数据包…</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="496"/>
        <source>Checking bundle…</source>
        <translation>正在检查数据包…</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="530"/>
        <source>Wrong passphrase. Type the passphrase of {0} again:</source>
        <translation>口令错误。请重新输入 {0} 的口令：</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="532"/>
        <source>{0} is not sealed to this device. If the sender gave you its passphrase, type it:</source>
        <translation>{0} 不是加密给本设备的。如发送方告诉过您口令，请输入：</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="550"/>
        <source>Trust headquarters?</source>
        <translation>信任总部？</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="551"/>
        <source>This laptop trusts no headquarters yet. The bundle is signed by headquarters {0} with the fingerprint {1}. Compare it with headquarters by phone or in person (Settings → Devices there). Trust this headquarters from now on?</source>
        <translation>本机尚未信任任何总部。此数据包由总部 {0} 签名，指纹为 {1}。请通过电话或当面与总部核对（在总部的“设置 → 设备”中查看）。今后信任此总部吗？</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="580"/>
        <source>Last import: {0} from {1}</source>
        <translation>最近导入：{0}（来自{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="587"/>
        <source>Last export: {0}</source>
        <translation>最近导出：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="592"/>
        <source>{0} unresolved conflict(s)</source>
        <translation>{0} 处冲突未处理</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="49"/>
        <source>New campaign</source>
        <translation>新建督查批次</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="49"/>
        <source>Campaign set-up</source>
        <translation>批次设置</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="52"/>
        <source>e.g. {0}年第三季度基层党建专项督查</source>
        <translation>例如：{0}年第三季度基层党建专项督查</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="64"/>
        <source>— (a new round)</source>
        <translation>—（新一轮督查）</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="67"/>
        <source>Fill in the checklist as well (a full re-inspection)</source>
        <translation>同时填写督查表（全面复查）</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="73"/>
        <source>e.g. 第一督导组</source>
        <translation>例如：第一督导组</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="75"/>
        <source>One member a line</source>
        <translation>每行一名成员</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="77"/>
        <source>Every township</source>
        <translation>全部乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="90"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="91"/>
        <source>Checklist form</source>
        <translation>督查表</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="92"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="93"/>
        <source>约谈: bottom townships</source>
        <translation>约谈：排名末位乡镇数</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="94"/>
        <source>Follow-up of</source>
        <translation>回头看的对象</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="96"/>
        <source>Team (督导组)</source>
        <translation>督导组</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="97"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="98"/>
        <source>Townships covered</source>
        <translation>督查范围</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="140"/>
        <source>No checklist form is installed: install one in Settings first.</source>
        <translation>尚未安装督查表，请先在“设置”中导入。</translation>
    </message>
    <message>
        <location filename="../../ui/campaign_dialog.py" line="150"/>
        <source>Tick the townships the campaign covers, or choose every township.</source>
        <translation>请勾选本批次督查的乡镇（街道），或选择全部乡镇（街道）。</translation>
    </message>
</context>
<context>
    <name>ChecklistWidget</name>
    <message>
        <location filename="../../ui/checklist.py" line="148"/>
        <source>Only my sections</source>
        <translation>只看本机负责的部分</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="152"/>
        <source>Tick the sections this laptop is doing in the list on the left; the others are hidden.</source>
        <translation>在左侧列表中勾选本机负责的部分，其余部分将被隐藏。</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="168"/>
        <source>This inspection is finished and read-only. Reopen it to change answers.</source>
        <translation>本次督查已完成，处于只读状态。如需修改，请先重新打开。</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="194"/>
        <source>Keys: 1 meets · 2 partly meets · 3 does not meet · 4 not applicable · 0 clear · ↑↓ or Tab to move · N note (Esc back)</source>
        <translation>快捷键：1 符合 · 2 基本符合 · 3 不符合 · 4 不适用 · 0 清除 · ↑↓ 或 Tab 切换条目 · N 写备注（Esc 返回）</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="255"/>
        <source>{0} — checklist</source>
        <translation>{0} — 督查表</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="314"/>
        <source>Ticked: this laptop is doing this section</source>
        <translation>已勾选：本部分由本机负责填写</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="324"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="324"/>
        <source>Finish inspection</source>
        <translation>完成督查</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="343"/>
        <source>veto failed: {0}</source>
        <translation>一票否决：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="347"/>
        <source>Score &lt;b&gt;{0}&lt;/b&gt; &amp;nbsp; &lt;span style=&apos;color:#d4ac0d&apos;&gt;{1}&lt;/span&gt; &amp;nbsp; {2}/{3} answered</source>
        <translation>得分 &lt;b&gt;{0}&lt;/b&gt; &amp;nbsp; &lt;span style=&apos;color:#d4ac0d&apos;&gt;{1}&lt;/span&gt; &amp;nbsp; 已评 {2}/{3} 项</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="363"/>
        <source>{0}
{1}/{2} answered · score {3}</source>
        <translation>{0}
已评 {1}/{2} 项 · 得分 {3}</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="468"/>
        <location filename="../../ui/checklist.py" line="541"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="500"/>
        <source>Withdraw problem</source>
        <translation>撤回问题</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/checklist.py" line="502"/>
        <source>Item {0} no longer fails. Withdraw the %n problem(s) recorded for it?</source>
        <translation>
            <numerusform>条目 {0} 已不再是“不符合”。撤回为其记录的 %n 个问题？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="512"/>
        <source>Problem not withdrawn</source>
        <translation>问题未撤回</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="550"/>
        <source>Add photos to {0}</source>
        <translation>为 {0} 添加照片</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="552"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff);;All files (*)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="575"/>
        <location filename="../../ui/checklist.py" line="581"/>
        <source>Photos not added</source>
        <translation>照片未添加</translation>
    </message>
    <message>
        <location filename="../../ui/checklist.py" line="592"/>
        <source>Adding photos…</source>
        <translation>正在添加照片…</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="178"/>
        <location filename="../../ui/conflicts_dialog.py" line="328"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="161"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="163"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="193"/>
        <source>Keep the current version</source>
        <translation>保留当前版本</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="195"/>
        <source>Keep the other version</source>
        <translation>保留另一版本</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="201"/>
        <source>No unresolved conflicts: every edit made on two laptops at once has been settled.</source>
        <translation>没有未处理的冲突：两台电脑同时修改的记录均已处理。</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="245"/>
        <source>{0}: {1} ({2} fields differ)</source>
        <translation>{0}：{1}（{2} 个字段不同）</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="273"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="274"/>
        <source>Current version
{0}</source>
        <translation>当前版本
{0}</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="277"/>
        <source>Other version
{0}</source>
        <translation>另一版本
{0}</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="286"/>
        <source>This {0} row was changed on two laptops at once. The newer change is current; the other was kept. Highlighted fields differ. Keep the version that is right: it becomes a new change that replaces both on every laptop.</source>
        <translation>这条{0}记录在两台电脑上被同时修改。较新的修改为当前版本，另一版本已保留，高亮的字段为不同之处。请保留正确的版本：它将作为一次新的修改，在所有电脑上取代这两个版本。</translation>
    </message>
</context>
<context>
    <name>DeviceIdentity</name>
    <message>
        <location filename="../../ui/device_dialogs.py" line="39"/>
        <source>Changes made now are stamped after the last one anyway. If the date here is right, the database holds changes stamped in the future, which other laptops refuse: run &apos;inspector check --restamp-future&apos;.</source>
        <translation>现在所做的修改仍会排在最后一次修改之后。如果本机日期是正确的，说明数据库中有时间戳在未来的修改，其他电脑会拒收：请运行“inspector check --restamp-future”。</translation>
    </message>
    <message>
        <location filename="../../ui/device_dialogs.py" line="49"/>
        <source>Check the clock</source>
        <translation>请检查时钟</translation>
    </message>
    <message>
        <location filename="../../ui/device_dialogs.py" line="67"/>
        <source>This database was last used on another computer or in another folder (device {0}, id {1}).

If it is a copy of another laptop&apos;s database, give it a new device identity before editing: two laptops with one identity overwrite each other&apos;s edits without a conflict being recorded.

If it is the same laptop, renamed or moved, say so.</source>
        <translation>此数据库上次是在另一台电脑或另一个文件夹中使用的（设备 {0}，编号 {1}）。

如果它是从另一台电脑复制来的数据库，请在编辑前为它设置新的设备身份：两台电脑共用一个身份时，会互相覆盖对方的修改，且不会记录冲突。

如果是同一台电脑（改了名称或移动了位置），请确认。</translation>
    </message>
    <message>
        <location filename="../../ui/device_dialogs.py" line="79"/>
        <source>A copied database?</source>
        <translation>是复制来的数据库吗？</translation>
    </message>
    <message>
        <location filename="../../ui/device_dialogs.py" line="83"/>
        <location filename="../../ui/device_dialogs.py" line="132"/>
        <location filename="../../ui/device_dialogs.py" line="154"/>
        <location filename="../../ui/device_dialogs.py" line="158"/>
        <source>New device identity</source>
        <translation>新设备身份</translation>
    </message>
    <message>
        <location filename="../../ui/device_dialogs.py" line="87"/>
        <source>Same laptop</source>
        <translation>同一台电脑</translation>
    </message>
    <message>
        <location filename="../../ui/device_dialogs.py" line="91"/>
        <source>Ask again later</source>
        <translation>以后再问</translation>
    </message>
    <message>
        <location filename="../../ui/device_dialogs.py" line="113"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/device_dialogs.py" line="114"/>
        <source>This laptop now has the device id {0} (it was {1}). Rows already stamped with the old id stay as they are; new edits carry the new id.

Notice numbers: this laptop still numbers from {2} to {3}, like the database it was copied from. Give it a block of its own in Settings (Number block).</source>
        <translation>本机的设备编号现为 {0}（原为 {1}）。已用旧编号标记的记录保持不变；新的修改使用新编号。

通知书编号：本机仍从 {2} 编到 {3}，与被复制的数据库相同。请在“设置”中为本机另设编号段（本机编号段）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/device_dialogs.py" line="122"/>
        <source>%n edit(s) made on this copy before it had its own id now carry the new id.</source>
        <translation>
            <numerusform>此副本在获得自己的设备标识之前所做的 %n 处修改，现已改用新标识。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/device_dialogs.py" line="144"/>
        <source>Give this laptop a new device identity?

Do this on a laptop whose database was copied from another one. Nothing is lost: rows already stamped stay as they are, and new edits carry the new id.</source>
        <translation>要为本机设置新的设备身份吗？

数据库是从另一台电脑复制来的电脑才需要这样做。不会丢失任何数据：已标记的记录保持不变，新的修改使用新编号。</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <location filename="../../ui/devices_dialog.py" line="48"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="51"/>
        <source>This device</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="61"/>
        <location filename="../../ui/devices_dialog.py" line="73"/>
        <source>Device id</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="62"/>
        <location filename="../../ui/devices_dialog.py" line="72"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="63"/>
        <location filename="../../ui/devices_dialog.py" line="74"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="64"/>
        <location filename="../../ui/devices_dialog.py" line="75"/>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="65"/>
        <source>Headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="76"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="77"/>
        <source>Reads campaigns</source>
        <translation>可读督查任务</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="87"/>
        <source>Write enrolment request…</source>
        <translation>生成登记申请…</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="88"/>
        <source>Make this installation headquarters</source>
        <translation>将本机设为总部</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="89"/>
        <source>Enrol a device…</source>
        <translation>登记设备…</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="90"/>
        <source>Revoke selected device</source>
        <translation>吊销所选设备</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="91"/>
        <source>New headquarters key…</source>
        <translation>更换总部密钥…</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="92"/>
        <source>Assign to campaign…</source>
        <translation>分配到督查任务…</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="126"/>
        <source>this installation (it signs the roster)</source>
        <translation>本机（由本机签发设备名册）</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="130"/>
        <source>none yet: the first kit&apos;s fingerprint is asked for when it is imported</source>
        <translation>尚无：导入第一个工作包时会请您核对指纹</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="137"/>
        <source>revoked {0}</source>
        <translation>已吊销 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="139"/>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="142"/>
        <source>every campaign</source>
        <translation>全部督查任务</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="158"/>
        <location filename="../../ui/devices_dialog.py" line="225"/>
        <location filename="../../ui/devices_dialog.py" line="253"/>
        <source>headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="158"/>
        <location filename="../../ui/devices_dialog.py" line="225"/>
        <source>inspector</source>
        <translation>督查员</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="159"/>
        <source>not enrolled</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="160"/>
        <source>{0}, signs the roster</source>
        <translation>{0}，签发设备名册</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="170"/>
        <source>Write enrolment request</source>
        <translation>生成登记申请</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="172"/>
        <location filename="../../ui/devices_dialog.py" line="212"/>
        <source>Enrolment requests (*.request);;All files (*)</source>
        <translation>登记申请 (*.request);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="185"/>
        <source>Request written to {0}. Take it to headquarters and read out this fingerprint when they ask: {1}</source>
        <translation>登记申请已写入 {0}。请将其交给总部，并在总部询问时读出本机指纹：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="195"/>
        <source>Make this installation headquarters? Its key will sign the roster of devices; laptops will trust only it.</source>
        <translation>将本机设为总部？本机密钥将签发设备名册，各笔记本电脑今后只信任本机。</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="210"/>
        <location filename="../../ui/devices_dialog.py" line="223"/>
        <location filename="../../ui/devices_dialog.py" line="233"/>
        <source>Enrol a device</source>
        <translation>登记设备</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="224"/>
        <source>Role of {0} ({1})</source>
        <translation>{0}（{1}）的角色</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="235"/>
        <source>Ask the person at {0} to read out the fingerprint shown under Settings → Devices, and type it here:</source>
        <translation>请 {0} 的使用人读出其“设置 → 设备”中显示的指纹，并在此输入：</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="247"/>
        <source>The fingerprint does not match the request ({0}). The file may not come from that laptop; nothing was enrolled.</source>
        <translation>指纹与登记申请不符（{0}）。该文件可能并非来自那台笔记本电脑；未登记任何设备。</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="272"/>
        <source>Revoke {0} ({1})? What headquarters has imported from it stands; anything else signed with its key will be refused everywhere, whatever its date. Import its last bundle first if you have it.</source>
        <translation>吊销 {0}（{1}）？总部已从它导入的数据保留；此后用它的密钥签名的其他任何数据，不论日期，各处一律拒收。如手头还有它的最后一个数据包，请先导入。</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="290"/>
        <source>Give headquarters a new key? The old key signs the change and is then deleted; laptops follow with the next kit or bundle from headquarters.</source>
        <translation>为总部更换新密钥？旧密钥签署这次更换后即被删除；各笔记本在收到总部下一个工作包或数据包时随之更新。</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="306"/>
        <source>New headquarters key {0}. Read it out to laptops enrolled from now on.</source>
        <translation>总部新密钥 {0}。今后登记的笔记本请核对这一指纹。</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="316"/>
        <source>Every campaign</source>
        <translation>全部督查任务</translation>
    </message>
    <message>
        <location filename="../../ui/devices_dialog.py" line="320"/>
        <source>Bundles {0} may read (headquarters&apos; devices read every one):</source>
        <translation>{0} 可读取哪个督查任务的数据包（总部设备可读全部）：</translation>
    </message>
</context>
<context>
    <name>DuplicateOffer</name>
    <message>
        <location filename="../../ui/duplicate_offer.py" line="53"/>
        <source>These notice numbers are now held by two notices, one of them issued on this laptop: {0}. Void this laptop&apos;s (it is kept, marked voided) and re-issue its problems with a new number?</source>
        <translation>以下文号现由两份通知书同时使用，其中一份由本机印发：{0}。是否将本机的通知书作废（保留并标记为已作废），并以新文号重新印发其问题？</translation>
    </message>
    <message>
        <location filename="../../ui/duplicate_offer.py" line="61"/>
        <source>Duplicate notice numbers</source>
        <translation>文号重复</translation>
    </message>
    <message>
        <location filename="../../ui/duplicate_offer.py" line="69"/>
        <source>Void and re-issue…</source>
        <translation>作废并重新印发…</translation>
    </message>
    <message>
        <location filename="../../ui/duplicate_offer.py" line="71"/>
        <source>Not now</source>
        <translation>暂不处理</translation>
    </message>
    <message>
        <location filename="../../ui/duplicate_offer.py" line="77"/>
        <source>Number {0} was also issued by {1}</source>
        <translation>文号{0}与{1}重复</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="63"/>
        <source>Open log</source>
        <translation>打开日志</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <location filename="../../ui/evidence.py" line="95"/>
        <source>Time taken unknown</source>
        <translation>拍摄时间不详</translation>
    </message>
    <message>
        <location filename="../../ui/evidence.py" line="96"/>
        <source>Taken {0}</source>
        <translation>拍摄于 {0}</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../ui/evidence.py" line="113"/>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location filename="../../ui/evidence.py" line="122"/>
        <source>This file cannot be shown here: it is damaged, or not a photo or PDF this program can read. It is kept as it came.</source>
        <translation>此文件无法在此显示：文件已损坏，或不是本程序能读取的照片或 PDF。文件按原样保存。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence.py" line="134"/>
        <source>Caption (what the photo shows)…</source>
        <translation>说明（照片反映的内容）…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence.py" line="136"/>
        <source>Save caption</source>
        <translation>保存说明</translation>
    </message>
    <message>
        <location filename="../../ui/evidence.py" line="137"/>
        <source>Open all pages…</source>
        <translation>查看全部页面…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence.py" line="139"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence.py" line="140"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/evidence.py" line="168"/>
        <source>Caption not saved</source>
        <translation>说明未保存</translation>
    </message>
    <message>
        <location filename="../../ui/evidence.py" line="177"/>
        <source>Delete evidence</source>
        <translation>删除佐证材料</translation>
    </message>
    <message>
        <location filename="../../ui/evidence.py" line="178"/>
        <source>Delete {0} from the evidence? The deletion is recorded and synced.</source>
        <translation>从佐证材料中删除 {0}？删除操作将被记录并同步。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence.py" line="193"/>
        <source>Evidence not deleted</source>
        <translation>佐证材料未删除</translation>
    </message>
    <message>
        <location filename="../../ui/evidence.py" line="208"/>
        <source>Scan not opened</source>
        <translation>扫描件未打开</translation>
    </message>
</context>
<context>
    <name>ExportPassphraseDialog</name>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="133"/>
        <source>Export bundle</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="137"/>
        <source>The bundle is sealed to headquarters and the enrolled laptops of its campaigns. A device that is not among them (a laptop not enrolled yet) can open it only with a passphrase.</source>
        <translation>数据包只加密给总部和其督查任务中已登记的笔记本。不在其中的设备（例如尚未登记的笔记本）只能凭口令打开。</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="145"/>
        <source>Also encrypt to a passphrase</source>
        <translation>同时用口令加密</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="154"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="155"/>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="189"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="192"/>
        <source>Not stored anywhere: tell it to the person who imports the bundle, by phone or in person, not with the bundle.</source>
        <translation>口令不会保存在任何地方：请当面或电话告诉导入数据包的人，不要和数据包一起传递。</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <location filename="../../ui/extend_dialog.py" line="27"/>
        <source>Extend the deadline</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../ui/extend_dialog.py" line="39"/>
        <source>Why the township needs more time</source>
        <translation>乡镇需要延期的理由</translation>
    </message>
    <message>
        <location filename="../../ui/extend_dialog.py" line="41"/>
        <source>Name or office</source>
        <translation>姓名或单位</translation>
    </message>
    <message>
        <location filename="../../ui/extend_dialog.py" line="48"/>
        <source>Current deadline</source>
        <translation>现整改时限</translation>
    </message>
    <message>
        <location filename="../../ui/extend_dialog.py" line="49"/>
        <source>New deadline</source>
        <translation>延期至</translation>
    </message>
    <message>
        <location filename="../../ui/extend_dialog.py" line="50"/>
        <source>Reason</source>
        <translation>延期理由</translation>
    </message>
    <message>
        <location filename="../../ui/extend_dialog.py" line="51"/>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="69"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="70"/>
        <source>Changed (version)</source>
        <translation>修改版本</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="71"/>
        <source>Edited from</source>
        <translation>修改自版本</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="72"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="73"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="74"/>
        <source>Division code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="75"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="76"/>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="77"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="78"/>
        <source>Form</source>
        <translation>督查表</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="79"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="80"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="81"/>
        <source>Form text</source>
        <translation>督查表内容</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="82"/>
        <source>Checksum</source>
        <translation>校验值</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="83"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="84"/>
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="85"/>
        <source>Ends</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="86"/>
        <source>约谈: bottom places</source>
        <translation>约谈名额（末位数）</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="87"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="88"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="89"/>
        <source>Campaign</source>
        <translation>督查批次</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="90"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="91"/>
        <source>Inspected on</source>
        <translation>督查日期</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="92"/>
        <source>Team</source>
        <translation>督导组</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="93"/>
        <source>Finished at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="94"/>
        <source>Inspection</source>
        <translation>督查</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="95"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="96"/>
        <source>Verdict</source>
        <translation>评定</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="97"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="98"/>
        <source>Answered by</source>
        <translation>评定人</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="99"/>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="100"/>
        <source>Number prefix</source>
        <translation>文号前缀</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="101"/>
        <source>Sequence number</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="102"/>
        <source>Addressee</source>
        <translation>主送单位</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="103"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="104"/>
        <source>Issued on</source>
        <translation>下发日期</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="105"/>
        <source>Issued by</source>
        <translation>下发人</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="106"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="107"/>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="108"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="109"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="110"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="111"/>
        <source>Rectification requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="112"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="113"/>
        <source>Rectified on</source>
        <translation>整改完成日期</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="114"/>
        <source>Rectification note</source>
        <translation>整改说明</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="115"/>
        <source>Closed on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="116"/>
        <source>Closed by</source>
        <translation>销号人</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="117"/>
        <source>Notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="118"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="119"/>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="120"/>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="121"/>
        <source>Belongs to (table)</source>
        <translation>所属类别</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="122"/>
        <source>Belongs to</source>
        <translation>所属记录</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="123"/>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>FinishQuestion</name>
    <message>
        <location filename="../../ui/finish_question.py" line="56"/>
        <source>… and {0} more</source>
        <translation>…… 另有 {0} 项</translation>
    </message>
    <message>
        <location filename="../../ui/finish_question.py" line="62"/>
        <source>Finish inspection</source>
        <translation>完成督查</translation>
    </message>
    <message>
        <location filename="../../ui/finish_question.py" line="63"/>
        <source>{0} of {1} items are not answered yet. Finish anyway? The score stays provisional and the township is not ranked until they are answered.</source>
        <translation>{1} 项中还有 {0} 项未答。仍要完成督查吗？在这些条目答完之前，得分为暂评，该乡镇（街道）不参加排名。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="40"/>
        <source>Welcome to Inspector</source>
        <translation>欢迎使用督查通</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="44"/>
        <source>Name this laptop (it shows in bundles and in the history of every change) and the notice numbers it gives. Every laptop of a team needs numbers of its own, or two notices get the same number. Both can be changed later in Settings.</source>
        <translation>请填写本机名称（显示在数据包和每项修改的记录中）以及本机使用的通知书文号段。同组每台电脑须使用各自的文号段，否则两份通知书会出现相同文号。两项以后均可在“设置”中修改。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="58"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="66"/>
        <source>Assigned by headquarters in the campaign kit.</source>
        <translation>由市委组织部在督查任务包中分配。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="69"/>
        <source>No block from headquarters yet: ask which numbers this laptop uses (e.g. team 1 from 1 to 100, team 2 from 101 to 200).</source>
        <translation>尚未收到市委组织部分配的文号段：请询问本机使用哪些号码（例如一组 1 至 100，二组 101 至 200）。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="79"/>
        <source>Device name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="80"/>
        <source>Inspector name</source>
        <translation>督查人员姓名</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="81"/>
        <source>Number block (from, to)</source>
        <translation>文号段（起、止）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="87"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="106"/>
        <source>Give this laptop a device name (it shows in bundles).</source>
        <translation>请为本机填写设备名称（显示在数据包中）。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="108"/>
        <source>The number block ends before it starts.</source>
        <translation>文号段的止号小于起号。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="110"/>
        <source>Names cannot hold control characters; type them again without them.</source>
        <translation>名称不能包含控制字符，请重新输入。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="307"/>
        <source>Import bundle</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="311"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;from {1}, made {2}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;来自 {1}，导出于 {2}</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="321"/>
        <source>Show fingerprints</source>
        <translation>显示指纹</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="332"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="341"/>
        <source>headquarters</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="341"/>
        <source>inspector</source>
        <translation>督查员</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="349"/>
        <source>Signed by {0} ({1}); signature verified.</source>
        <translation>签名设备：{0}（{1}）；签名已验证。</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="354"/>
        <source>Written by {0} ({1}): {2:,} versions</source>
        <translation>由 {0}（{1}）写入：{2:,} 个版本</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="362"/>
        <source>Brings headquarters&apos; roster of devices, version {0}.</source>
        <translation>带来总部的设备名册，第 {0} 版。</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="370"/>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="371"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="372"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="373"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="374"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="384"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="406"/>
        <source>Attachments: {0} new, {1} already here.</source>
        <translation>附件：新增 {0} 个，已有 {1} 个。</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="413"/>
        <source>{0} row(s) were changed both here and on {1}. The newer change wins; the other is kept under File → Conflicts for you to decide.</source>
        <translation>有 {0} 条记录在本机和{1}上都被修改过。以较新的修改为准，另一版本保留在“文件 → 冲突”中供您决定。</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="421"/>
        <source>Notice number {0} would be held by {1} notices: renumber one of them.</source>
        <translation>文号 {0} 将被 {1} 份通知书同时使用，请为其中一份重新编号。</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="425"/>
        <source>Everything in this bundle is already here: nothing to import.</source>
        <translation>数据包中的内容本机均已存在，无需导入。</translation>
    </message>
    <message>
        <location filename="../../ui/bundle_dialogs.py" line="427"/>
        <source>The database is backed up before anything is written.</source>
        <translation>写入前会先备份数据库。</translation>
    </message>
</context>
<context>
    <name>InterviewDialog</name>
    <message>
        <location filename="../../ui/report_view.py" line="273"/>
        <source>Interview notices</source>
        <translation>约谈通知</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="279"/>
        <source>e.g. the county party committee&apos;s meeting room</source>
        <translation>如：县委组织部会议室</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="281"/>
        <source>Interview on:</source>
        <translation>约谈日期：</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="282"/>
        <source>Place:</source>
        <translation>约谈地点：</translation>
    </message>
</context>
<context>
    <name>IssueNoticeDialog</name>
    <message>
        <location filename="../../ui/issue_notice_dialog.py" line="193"/>
        <source>Issue rectification notice</source>
        <translation>下发整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/issue_notice_dialog.py" line="209"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../ui/issue_notice_dialog.py" line="210"/>
        <source>Select none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../ui/issue_notice_dialog.py" line="234"/>
        <source>Issue</source>
        <translation>下发</translation>
    </message>
    <message>
        <location filename="../../ui/issue_notice_dialog.py" line="238"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/issue_notice_dialog.py" line="245"/>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../ui/issue_notice_dialog.py" line="246"/>
        <source>Addressee</source>
        <translation>主送单位</translation>
    </message>
    <message>
        <location filename="../../ui/issue_notice_dialog.py" line="247"/>
        <source>Report back by</source>
        <translation>报送整改情况截止</translation>
    </message>
    <message>
        <location filename="../../ui/issue_notice_dialog.py" line="250"/>
        <source>Problems on the notice:</source>
        <translation>通知书所列问题：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/issue_notice_dialog.py" line="287"/>
        <source>%1 %2 (%n problem(s))</source>
        <translation>
            <numerusform>%1 %2（%n 个问题）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/issue_notice_dialog.py" line="311"/>
        <source>No open problems that are not on a notice already.</source>
        <translation>没有尚未列入通知书的未销号问题。</translation>
    </message>
    <message>
        <location filename="../../ui/issue_notice_dialog.py" line="346"/>
        <source>Notice not issued</source>
        <translation>通知书未下发</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <location filename="../../ui/item_card.py" line="145"/>
        <source>not counted</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../ui/item_card.py" line="164"/>
        <source>Note (what was seen, which records)…</source>
        <translation>备注（查看了什么、哪些台账）…</translation>
    </message>
    <message>
        <location filename="../../ui/item_card.py" line="166"/>
        <source>Write the answer…</source>
        <translation>填写意见…</translation>
    </message>
    <message>
        <location filename="../../ui/item_card.py" line="174"/>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../ui/item_card.py" line="191"/>
        <source>{0:g} points</source>
        <translation>{0:g} 分</translation>
    </message>
    <message>
        <location filename="../../ui/item_card.py" line="193"/>
        <source>veto item</source>
        <translation>一票否决项</translation>
    </message>
    <message>
        <location filename="../../ui/item_card.py" line="201"/>
        <source>target: at least {0}</source>
        <translation>要求：不少于 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/item_card.py" line="203"/>
        <source>target: at most {0}</source>
        <translation>要求：不超过 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/item_card.py" line="204"/>
        <source>; {0:g} off per unit missed</source>
        <translation>；每差 1 个扣 {0:g} 分</translation>
    </message>
    <message>
        <location filename="../../ui/item_card.py" line="238"/>
        <source>Self-assessment: {0}</source>
        <translation>自评：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/item_card.py" line="238"/>
        <source>(no verdict)</source>
        <translation>（未填结论）</translation>
    </message>
    <message>
        <location filename="../../ui/item_card.py" line="248"/>
        <source>{0} problem(s) recorded</source>
        <translation>已记录 {0} 个问题</translation>
    </message>
    <message>
        <location filename="../../ui/item_card.py" line="250"/>
        <source>Record a problem…</source>
        <translation>记录问题…</translation>
    </message>
    <message>
        <location filename="../../ui/item_card.py" line="382"/>
        <source>{0:g} / {1:g} points</source>
        <translation>得 {0:g} 分 / 共 {1:g} 分</translation>
    </message>
</context>
<context>
    <name>ItemProblemDialog</name>
    <message>
        <location filename="../../ui/item_problem_dialog.py" line="38"/>
        <source>Record a problem</source>
        <translation>记录问题</translation>
    </message>
    <message>
        <location filename="../../ui/item_problem_dialog.py" line="40"/>
        <source>Item {0} does not meet the requirement. Add it to the problem list?</source>
        <translation>第 {0} 项不符合要求。是否列入问题清单？</translation>
    </message>
    <message>
        <location filename="../../ui/item_problem_dialog.py" line="57"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/item_problem_dialog.py" line="58"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/item_problem_dialog.py" line="59"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../ui/item_problem_dialog.py" line="62"/>
        <source>Add problem</source>
        <translation>列入问题清单</translation>
    </message>
    <message>
        <location filename="../../ui/item_problem_dialog.py" line="65"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
</context>
<context>
    <name>Lights</name>
    <message>
        <location filename="../../ui/lights_text.py" line="16"/>
        <source>{0} red (overdue), {1} yellow (due soon) of {2} not closed</source>
        <translation>未销号 {2} 个，其中红灯（逾期）{0} 个、黄灯（临期）{1} 个</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>Daily backup</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260"/>
        <location filename="../../ui/main_window.py" line="549"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>Checklist</source>
        <translation>督查表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282"/>
        <source>Problems</source>
        <translation>问题清单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283"/>
        <source>Notices</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="342"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="344"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345"/>
        <source>New &amp;device identity…</source>
        <translation>新设备身份(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="346"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="347"/>
        <source>&amp;New campaign…</source>
        <translation>新建督查批次(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="349"/>
        <source>Campaign set-&amp;up…</source>
        <translation>批次设置…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="352"/>
        <source>Open &amp;checklist</source>
        <translation>打开督查表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355"/>
        <location filename="../../ui/main_window.py" line="551"/>
        <source>Fill in the checklist of the selected township</source>
        <translation>填写所选乡镇（街道）的督查表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="358"/>
        <location filename="../../ui/main_window.py" line="606"/>
        <source>&amp;Finish inspection</source>
        <translation>完成督查(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="361"/>
        <location filename="../../ui/main_window.py" line="549"/>
        <source>Township &amp;page</source>
        <translation>乡镇（街道）概况(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="364"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="368"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="370"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="392"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="400"/>
        <source>&amp;Inspection</source>
        <translation>督查(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="416"/>
        <source>&amp;Trends across campaigns…</source>
        <translation>督查情况趋势(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="430"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="436"/>
        <source>&amp;Export bundle…</source>
        <translation>导出数据包(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="438"/>
        <source>&amp;Import bundle…</source>
        <translation>导入数据包(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="439"/>
        <source>&amp;Conflicts…</source>
        <translation>冲突处理(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="440"/>
        <source>&amp;Restore backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="452"/>
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="455"/>
        <location filename="../../ui/main_window.py" line="550"/>
        <source>Township &amp;feedback form (督查情况反馈表)…</source>
        <translation>督查情况反馈表(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="460"/>
        <source>&amp;Rectification notice (整改通知书)…</source>
        <translation>整改通知书(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="463"/>
        <source>Campaign &amp;summary (星级评定汇总)…</source>
        <translation>星级评定汇总(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="466"/>
        <source>&amp;Problem list (问题清单)…</source>
        <translation>问题清单(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="469"/>
        <source>Rectification &amp;ledger (整改台账)…</source>
        <translation>整改台账(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="472"/>
        <source>&amp;Bulletin (督查情况通报)…</source>
        <translation>督查情况通报(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="475"/>
        <source>Super&amp;vision orders (督办单)…</source>
        <translation>督办单(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="478"/>
        <source>&amp;Interview notices (约谈通知)…</source>
        <translation>约谈通知(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="485"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="488"/>
        <source>Campaign:</source>
        <translation>督查批次：</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="545"/>
        <source>Project site</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="545"/>
        <source>Project site &amp;page</source>
        <translation>项目概况(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="546"/>
        <source>Project site &amp;feedback form (督查情况反馈表)…</source>
        <translation>督查情况反馈表(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="547"/>
        <source>Fill in the checklist of the selected project site</source>
        <translation>填写所选项目的督查表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="606"/>
        <source>&amp;Reopen inspection</source>
        <translation>重新打开督查(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/export_choice.py" line="29"/>
        <source>Export bundle</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <location filename="../../ui/export_choice.py" line="30"/>
        <source>What should the bundle carry?</source>
        <translation>数据包中要包含哪些内容？</translation>
    </message>
    <message>
        <location filename="../../ui/export_choice.py" line="35"/>
        <source>Changes since the last exchange (results for headquarters)</source>
        <translation>自上次交换以来的变化（报送总部的结果）</translation>
    </message>
    <message>
        <location filename="../../ui/export_choice.py" line="41"/>
        <source>Everything on this laptop (a full bundle)</source>
        <translation>本机全部数据（完整数据包）</translation>
    </message>
    <message>
        <location filename="../../ui/export_choice.py" line="45"/>
        <source>Campaign kit: form and townships for a team</source>
        <translation>督查批次包：督查表和乡镇名单（供督导组出发前使用）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="766"/>
        <location filename="../../ui/main_window.py" line="800"/>
        <source>Choose a township first.</source>
        <translation>请先选择一个乡镇（街道）。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="769"/>
        <location filename="../../ui/main_window.py" line="910"/>
        <source>There is no campaign yet.</source>
        <translation>还没有督查批次。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="869"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="869"/>
        <source>The Chinese translation file is missing.</source>
        <translation>缺少中文翻译文件。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="918"/>
        <location filename="../../ui/main_window.py" line="934"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="920"/>
        <source>Inspector databases (*.db *.sqlite);;All files (*)</source>
        <translation>督查通数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="949"/>
        <source>About Inspector</source>
        <translation>关于督查通</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="951"/>
        <source>&lt;h3&gt;督查通 Inspector {0}&lt;/h3&gt;&lt;p&gt;Offline inspection of township party-building work: checklists, problem lists, rectification notices, star ratings.&lt;/p&gt;&lt;p&gt;Database: {1}&lt;/p&gt;&lt;p&gt;Chinese font: WenQuanYi Micro Hei (Apache 2.0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;督查通 {0}&lt;/h3&gt;&lt;p&gt;乡镇（街道）基层党建工作离线督查：督查表、问题清单、整改通知书、星级评定。&lt;/p&gt;&lt;p&gt;数据库：{1}&lt;/p&gt;&lt;p&gt;中文字体：文泉驿微米黑（Apache 2.0 许可）。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/message_catalog.py" line="24"/>
        <source>{file}:{line}: {message}</source>
        <translation>{file}:{line}: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="28"/>
        <source>missing [form] table</source>
        <translation>缺少 [form] 表</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="31"/>
        <source>[form] id may hold only letters, digits, &apos;-&apos; and &apos;_&apos;</source>
        <translation>[form] 的 id 只能包含字母、数字、“-”和“_”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="33"/>
        <source>[form] target must be one of {targets}, not &apos;{target}&apos;</source>
        <translation>[form] 的 target 应为 {targets} 之一，不能是“{target}”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="35"/>
        <source>[rating] must be a table</source>
        <translation>[rating] 必须是一个表</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="37"/>
        <source>[rating] thresholds must be a non-empty list of numbers</source>
        <translation>[rating] 的 thresholds 必须是非空的数字列表</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="40"/>
        <source>[rating] veto_cap must be a whole number from 1 to {max_stars}</source>
        <translation>[rating] 的 veto_cap 必须是 1 到 {max_stars} 之间的整数</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="41"/>
        <source>the form needs at least one [[section]]</source>
        <translation>检查表至少需要一个 [[section]]</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="52"/>
        <source>item {number} of section &apos;{section}&apos; needs a string &apos;id&apos;</source>
        <translation>分项“{section}”的第{number}个检查项缺少字符串类型的“id”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="54"/>
        <source>item &apos;{item}&apos; needs a &apos;kind&apos; (use {kinds})</source>
        <translation>检查项“{item}”缺少“kind”（可用 {kinds}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="55"/>
        <source>item &apos;{item}&apos;: unknown kind &apos;{kind}&apos; (use {kinds})</source>
        <translation>检查项“{item}”：未知的类型“{kind}”（可用 {kinds}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="56"/>
        <source>item &apos;{item}&apos; needs a &apos;text&apos;</source>
        <translation>检查项“{item}”缺少“text”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="58"/>
        <source>item &apos;{item}&apos;: veto must be true or false</source>
        <translation>检查项“{item}”：veto 只能是 true 或 false</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="63"/>
        <source>item &apos;{item}&apos;: &apos;partial&apos; applies to verdict items only</source>
        <translation>检查项“{item}”：“partial”仅适用于判定类检查项</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="65"/>
        <source>item &apos;{item}&apos;: partial must be between 0 and 1</source>
        <translation>检查项“{item}”：partial 必须在 0 到 1 之间</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="27"/>
        <source>unknown table or key &apos;{key}&apos;</source>
        <translation>未知的表或键“{key}”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="29"/>
        <source>unknown key &apos;{key}&apos; in [form]</source>
        <translation>[form] 中有未知的键“{key}”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="30"/>
        <source>[form] needs a non-empty string &apos;{key}&apos;</source>
        <translation>[form] 缺少非空字符串“{key}”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="36"/>
        <source>unknown key &apos;{key}&apos; in [rating]</source>
        <translation>[rating] 中有未知的键“{key}”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="38"/>
        <source>[rating] thresholds must lie between 0 and 100</source>
        <translation>[rating] 的 thresholds 必须在 0 到 100 之间</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="44"/>
        <source>[[section]] needs a string &apos;id&apos;</source>
        <translation>[[section]] 缺少字符串类型的“id”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="47"/>
        <source>section &apos;{section}&apos; needs a &apos;title&apos;</source>
        <translation>分项“{section}”缺少“title”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="48"/>
        <source>section &apos;{section}&apos; has no [[section.item]]</source>
        <translation>分项“{section}”中没有 [[section.item]]</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="51"/>
        <source>unknown key &apos;{key}&apos; in item</source>
        <translation>检查项中有未知的键“{key}”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="57"/>
        <source>item &apos;{item}&apos;: &apos;{key}&apos; must be a string</source>
        <translation>检查项“{item}”：“{key}”必须是字符串</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="59"/>
        <source>item &apos;{item}&apos;: a text item cannot be a veto item</source>
        <translation>检查项“{item}”：文字类检查项不能设为一票否决项</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="60"/>
        <source>item &apos;{item}&apos;: a text item carries no points</source>
        <translation>检查项“{item}”：文字类检查项不计分值</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="61"/>
        <source>item &apos;{item}&apos;: missing &apos;points&apos;</source>
        <translation>检查项“{item}”：缺少“points”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="68"/>
        <source>item &apos;{item}&apos;: number items need a target of 0 or more</source>
        <translation>检查项“{item}”：数值类检查项的 target 须为 0 或以上</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="69"/>
        <source>item &apos;{item}&apos;: number items need deduct &gt; 0 (points off per unit)</source>
        <translation>检查项“{item}”：数值类检查项的 deduct 须大于 0（每单位扣分）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="39"/>
        <source>[rating] thresholds out of order: they must be strictly descending (best star level first), got {thresholds}</source>
        <translation>[rating] 的 thresholds 顺序有误：须严格递减（最高星级在前），实际为 {thresholds}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="43"/>
        <source>unknown key &apos;{key}&apos; in [[section]]</source>
        <translation>[[section]] 中有未知的键“{key}”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="45"/>
        <source>duplicate section id &apos;{section}&apos;</source>
        <translation>分项 id“{section}”重复</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="50"/>
        <source>duplicate item id &apos;{item}&apos;</source>
        <translation>检查项 id“{item}”重复</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="62"/>
        <source>item &apos;{item}&apos;: points must be a positive number, not {points!r}</source>
        <translation>检查项“{item}”：points 必须是正数，不能是 {points!r}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="66"/>
        <source>item &apos;{item}&apos;: number items need rule = &quot;at_most&quot; or &quot;at_least&quot;</source>
        <translation>检查项“{item}”：数值类检查项须设置 rule = &quot;at_most&quot; 或 &quot;at_least&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="67"/>
        <source>item &apos;{item}&apos;: number items need rule = &quot;at_most&quot; or &quot;at_least&quot;, not {rule!r}</source>
        <translation>检查项“{item}”：数值类检查项须设置 rule = &quot;at_most&quot; 或 &quot;at_least&quot;，不能是 {rule!r}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="70"/>
        <source>item &apos;{item}&apos;: &apos;{key}&apos; applies to number items only</source>
        <translation>检查项“{item}”：“{key}”仅适用于数值类检查项</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="26"/>
        <source>TOML syntax error: {error}</source>
        <translation>TOML 语法错误：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="72"/>
        <source>cannot read file: {error}</source>
        <translation>无法读取文件：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="73"/>
        <source>the file is not UTF-8 text</source>
        <translation>文件不是 UTF-8 编码的文本</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="74"/>
        <source>a document number starts at 1</source>
        <translation>文号序号须从 1 开始</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="75"/>
        <source>&apos;{text}&apos; is not a document number like 舟组督〔2017〕12号</source>
        <translation>“{text}”不是有效的文号（格式如 舟组督〔2017〕12号）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="76"/>
        <source>this laptop&apos;s notice numbers {start}-{end} are used up; set a new block in Settings</source>
        <translation>本机的通知书编号 {start}-{end} 已用完，请在“设置”中指定新的号段</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="77"/>
        <source>a problem cannot go from &apos;{current}&apos; to &apos;{target}&apos;</source>
        <translation>问题不能从“{current}”变为“{target}”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="97"/>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="106"/>
        <source>{township} has no problems in this campaign: no rectification notice is needed</source>
        <translation>{township}在本轮督查中没有问题，无需下发整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="103"/>
        <source>report-back deadline {deadline} is before the issue date {issued}</source>
        <translation>整改情况报送期限 {deadline} 早于发文日期 {issued}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="104"/>
        <source>report-back deadline {deadline} is before the latest rectification deadline of the notice&apos;s problems ({latest}); choose {latest} or later</source>
        <translation>整改情况报送期限 {deadline} 早于通知书所列问题的最晚整改期限（{latest}）；请选择 {latest} 或之后的日期</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="105"/>
        <source>{township} has no open problems left to put on a notice</source>
        <translation>{township}已没有可列入通知书的未整改问题</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="176"/>
        <source>no campaign &apos;{ref}&apos;</source>
        <translation>没有督查活动“{ref}”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="179"/>
        <source>no township &apos;{ref}&apos;</source>
        <translation>没有乡镇“{ref}”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="145"/>
        <source>{file}:1: missing column(s) {columns}; expected {expected}</source>
        <translation>{file}:1: 缺少列 {columns}；应为 {expected}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="146"/>
        <source>{file}:1: unknown column(s) {columns}</source>
        <translation>{file}:1: 未知的列 {columns}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="156"/>
        <source>{file}: no townships in the file</source>
        <translation>{file}: 文件中没有乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="167"/>
        <source>no form {form} in the database</source>
        <translation>数据库中没有检查表 {form}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="168"/>
        <source>no campaign {campaign}</source>
        <translation>没有督查活动 {campaign}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="170"/>
        <source>no form &apos;{ref}&apos;; installed: none</source>
        <translation>没有检查表“{ref}”；当前未安装任何检查表</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="171"/>
        <source>a campaign needs a name</source>
        <translation>督查活动须填写名称</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="173"/>
        <source>the 约谈 count cannot be negative</source>
        <translation>约谈数不能为负数</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="174"/>
        <source>a campaign named &apos;{name}&apos; already exists ({id})</source>
        <translation>名为“{name}”的督查活动已存在（{id}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="175"/>
        <source>no campaign &apos;{ref}&apos;; did you mean {names}?</source>
        <translation>没有督查活动“{ref}”；您是否要找：{names}？</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="177"/>
        <source>&apos;{ref}&apos; names several townships: {options}</source>
        <translation>“{ref}”对应多个乡镇：{options}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="178"/>
        <source>no township &apos;{ref}&apos;; did you mean {names}?</source>
        <translation>没有乡镇“{ref}”；您是否要找：{names}？</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="142"/>
        <source>{file}:{line}: too many fields</source>
        <translation>{file}:{line}: 字段过多</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="147"/>
        <source>county is empty</source>
        <translation>县（市、区）为空</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="148"/>
        <source>township is empty</source>
        <translation>乡镇为空</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="149"/>
        <source>county_code &apos;{code}&apos; is not 6 digits</source>
        <translation>县级代码“{code}”不是6位数字</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="150"/>
        <source>township_code &apos;{code}&apos; is not 9 or 12 digits</source>
        <translation>乡镇代码“{code}”不是9位或12位数字</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="152"/>
        <source>kind &apos;{kind}&apos; is not one of {kinds}</source>
        <translation>类型“{kind}”不是 {kinds} 之一</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="153"/>
        <source>township_code {code} repeats line {first}</source>
        <translation>乡镇代码 {code} 与第{first}行重复</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="155"/>
        <source>{county} {township} repeats line {first}</source>
        <translation>{county}{township}与第{first}行重复</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="143"/>
        <source>{file}:{line}: {problems}</source>
        <translation>{file}:{line}: {problems}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="144"/>
        <source>… and {count} more</source>
        <translation>……另有{count}处错误</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="164"/>
        <source>cannot read {file}: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="165"/>
        <source>{file} is not UTF-8 text (save the CSV as UTF-8)</source>
        <translation>{file} 不是 UTF-8 编码的文本（请将 CSV 另存为 UTF-8 编码）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="166"/>
        <source>form {form} version {version} is already installed with different content; a form version never changes once used: give the file a new version</source>
        <translation>检查表 {form} 版本 {version} 已安装，但内容不同；检查表版本一经使用不得更改，请为该文件指定新的版本号</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="169"/>
        <source>no form &apos;{ref}&apos;; installed: {forms}</source>
        <translation>没有检查表“{ref}”；已安装：{forms}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="151"/>
        <source>township_code &apos;{code}&apos; does not start with county_code &apos;{county_code}&apos;</source>
        <translation>乡镇代码“{code}”的开头与县级代码“{county_code}”不一致</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="193"/>
        <source>{path} was written by a newer version of Inspector (schema step {step}); update Inspector to open it</source>
        <translation>{path} 由更新版本的督查通写入（数据库结构步骤 {step}）；请升级督查通后再打开</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="11"/>
        <source>no database at {path}; create one with &apos;inspector init&apos;</source>
        <translation>{path} 处没有数据库；请先用“inspector init”创建</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="191"/>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} 是文件夹，不是数据库文件</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="187"/>
        <source>{path} is not an Inspector database</source>
        <translation>{path} 不是督查通数据库</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="213"/>
        <source>this inspection is finished; reopen it to change answers</source>
        <translation>本次检查已完成；如需修改，请先重新打开</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="235"/>
        <source>no township {township}</source>
        <translation>没有乡镇 {township}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="236"/>
        <source>{township} has not been inspected in {campaign}</source>
        <translation>{township}尚未在“{campaign}”中接受检查</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="214"/>
        <source>no notice {notice}</source>
        <translation>没有通知书 {notice}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="279"/>
        <source>attachment {id}: its file {sha} is missing from the attachments folder; run &apos;inspector check&apos;</source>
        <translation>附件 {id}：附件文件夹中缺少其文件 {sha}；请运行“inspector check”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="282"/>
        <source>manifest.json: &apos;{key}&apos; is missing</source>
        <translation>manifest.json：缺少“{key}”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="285"/>
        <source>manifest.json: &apos;{key}&apos; has the wrong type</source>
        <translation>manifest.json：“{key}”的类型不正确</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="286"/>
        <source>manifest.json: not a JSON object</source>
        <translation>manifest.json：不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="287"/>
        <source>manifest.json: not an Inspector bundle (format is {format!r}, expected {expected!r})</source>
        <translation>manifest.json：不是督查通数据包（格式为 {format!r}，应为 {expected!r}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="288"/>
        <source>this bundle was made by a newer Inspector (bundle format {version}, this version reads {readable}); update Inspector to import it</source>
        <translation>该数据包由更新版本的督查通生成（数据包格式 {version}，本版本支持 {readable}）；请升级督查通后再导入</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="289"/>
        <source>manifest.json: format_version {version} is not valid</source>
        <translation>manifest.json：format_version {version} 无效</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="290"/>
        <source>manifest.json: &apos;bundle_id&apos; is not valid</source>
        <translation>manifest.json：“bundle_id”无效</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="291"/>
        <source>manifest.json: &apos;campaign_id&apos; has the wrong type</source>
        <translation>manifest.json：“campaign_id”的类型不正确</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="280"/>
        <source>manifest.json: table &apos;{table}&apos;: &apos;{key}&apos; is missing</source>
        <translation>manifest.json：表“{table}”缺少“{key}”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="281"/>
        <source>manifest.json: attachment: &apos;{key}&apos; is missing</source>
        <translation>manifest.json：附件条目缺少“{key}”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="283"/>
        <source>manifest.json: table &apos;{table}&apos;: &apos;{key}&apos; has the wrong type</source>
        <translation>manifest.json：表“{table}”的“{key}”类型不正确</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="284"/>
        <source>manifest.json: attachment: &apos;{key}&apos; has the wrong type</source>
        <translation>manifest.json：附件条目的“{key}”类型不正确</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="292"/>
        <source>manifest.json: unknown table &apos;{table}&apos;</source>
        <translation>manifest.json：未知的表“{table}”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="293"/>
        <source>manifest.json: table &apos;{table}&apos; is not an object</source>
        <translation>manifest.json：表“{table}”不是对象</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="294"/>
        <source>manifest.json: table &apos;{table}&apos;: file must be {expected}, not {file!r}</source>
        <translation>manifest.json：表“{table}”的文件应为 {expected}，不能是 {file!r}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="295"/>
        <source>manifest.json: table &apos;{table}&apos;: row count or sha256 is not valid</source>
        <translation>manifest.json：表“{table}”的行数或 sha256 无效</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="296"/>
        <source>manifest.json: an attachment entry is not an object</source>
        <translation>manifest.json：某个附件条目不是对象</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="297"/>
        <source>manifest.json: attachment {sha!r} is not valid</source>
        <translation>manifest.json：附件 {sha!r} 无效</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="298"/>
        <source>attachment {sha} declares {size:,} bytes, more than the {limit} MiB an attachment may have</source>
        <translation>附件 {sha} 声明大小为 {size:,} 字节，超过单个附件 {limit} MiB 的上限</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="299"/>
        <source>manifest.json: attachment {sha} is listed twice</source>
        <translation>manifest.json：附件 {sha} 重复列出</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="309"/>
        <source>{file}: form {form} {version} does not match its sha256</source>
        <translation>{file}: 检查表 {form} {version} 与其 sha256 不符</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="311"/>
        <source>{file}: {detail}</source>
        <translation>{file}: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="312"/>
        <source>{file}: an attachment row needs file {sha}, which is neither in the bundle nor on this laptop</source>
        <translation>{file}: 某条附件记录需要文件 {sha}，但数据包和本机中都没有该文件</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="308"/>
        <source>{file}: form {form} {version} does not parse: {issue}</source>
        <translation>{file}: 检查表 {form} {version} 无法解析：{issue}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="341"/>
        <source>unknown column(s) {columns}</source>
        <translation>未知的列 {columns}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="342"/>
        <source>missing column(s) {columns}</source>
        <translation>缺少列 {columns}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="322"/>
        <source>{file} holds {count:,} files, more than a bundle may</source>
        <translation>{file} 含有 {count:,} 个文件，超过数据包允许的数量</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="327"/>
        <source>{file}: {size:,} bytes uncompressed, more than the {limit:,} a bundle may hold</source>
        <translation>{file}: 解压后为 {size:,} 字节，超过数据包 {limit:,} 字节的上限</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="255"/>
        <source>{file}: manifest.json is missing; not an Inspector bundle</source>
        <translation>{file}: 缺少 manifest.json，不是督查通数据包</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="329"/>
        <source>{file}: {member} is listed in the manifest but missing</source>
        <translation>{file}: {member} 已列入清单，但数据包中没有</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="330"/>
        <source>{file}: {member} is not listed in the manifest</source>
        <translation>{file}: {member} 未列入清单</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="339"/>
        <source>{file}: {member} does not match its sha256 in the manifest (damaged or altered)</source>
        <translation>{file}: {member} 与清单中的 sha256 不符（已损坏或被修改）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="340"/>
        <source>{file}: {member} holds {count} rows, the manifest says {expected}</source>
        <translation>{file}: {member} 有 {count} 行，清单中为 {expected} 行</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="334"/>
        <source>{file}: {member} ends in the middle of a row</source>
        <translation>{file}: {member} 在一行中间意外结束</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="335"/>
        <source>{file}: attachment {sha} does not match its sha256 (damaged or altered)</source>
        <translation>{file}: 附件 {sha} 与其 sha256 不符（已损坏或被修改）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="317"/>
        <source>{file}: no such file</source>
        <translation>{file}: 文件不存在</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="318"/>
        <source>{file} is a folder, not a bundle</source>
        <translation>{file} 是文件夹，不是数据包</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="319"/>
        <source>{file} is not an Inspector bundle (not a ZIP archive, or cut short while copying)</source>
        <translation>{file} 不是督查通数据包（不是 ZIP 压缩文件，或复制时未复制完整）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="323"/>
        <source>{file}: refused, member {member!r} has {why}</source>
        <translation>{file}: 已拒绝，成员 {member!r} 含有{why}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="324"/>
        <source>{file}: member {member} appears twice</source>
        <translation>{file}: 成员 {member} 重复出现</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="265"/>
        <source>{file}: unexpected member {member!r}</source>
        <translation>{file}: 出现了不应有的成员 {member!r}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="325"/>
        <source>{file}: member {member} is encrypted</source>
        <translation>{file}: 成员 {member} 已加密</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="326"/>
        <source>{file}: member {member} declares {size:,} bytes, more than the {limit:,} allowed</source>
        <translation>{file}: 成员 {member} 声明大小为 {size:,} 字节，超过允许的 {limit:,} 字节</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="257"/>
        <source>{file}: manifest.json is not valid JSON ({error})</source>
        <translation>{file}: manifest.json 不是有效的 JSON（{error}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="331"/>
        <source>{file}: attachment {sha} is not the size the manifest says</source>
        <translation>{file}: 附件 {sha} 的大小与清单不符</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="258"/>
        <source>{file}: member {member} is damaged ({error})</source>
        <translation>{file}: 成员 {member} 已损坏（{error}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="368"/>
        <source>{file}: {member} {detail}</source>
        <translation>{file}: {member} {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="336"/>
        <source>{file}: {member} line {line} is not valid JSON</source>
        <translation>{file}: {member} 第{line}行不是有效的 JSON</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="337"/>
        <source>{file}: {member} line {line} is not a JSON object</source>
        <translation>{file}: {member} 第{line}行不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="338"/>
        <source>{file}: {member} line {line}: {problems}</source>
        <translation>{file}: {member} 第{line}行：{problems}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="332"/>
        <source>{file}: member {member} inflates beyond its declared size (a ZIP bomb?)</source>
        <translation>{file}: 成员 {member} 解压后超出声明的大小（可能是 ZIP 炸弹）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="387"/>
        <source>{file}: sent by {name} ({device}), which headquarters revoked; its versions are imported only as headquarters had accepted them before the revocation, not in a bundle made since or never delivered</source>
        <translation>{file}：由已被总部吊销的 {name}（{device}）发出；它的数据只按总部吊销前已接收的导入，吊销后制作或从未送达总部的数据包不导入</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="388"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="34"/>
        <source>values nested more than {limit} deep (arrays or inline tables)</source>
        <translation>数组或内联表嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="25"/>
        <source>item &apos;{item}&apos;: {key} must be a finite number no larger than {limit}, not {value}</source>
        <translation>条目“{item}”：{key} 必须是不大于 {limit} 的有限数值，不能是 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="32"/>
        <source>[form] &apos;{key}&apos; holds control characters ({chars})</source>
        <translation>[form] 的“{key}”含有控制字符（{chars}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="42"/>
        <source>[[section]] {number} must be a table</source>
        <translation>第 {number} 个 [[section]] 必须是表</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="53"/>
        <source>item &apos;{item}&apos;: &apos;{key}&apos; holds control characters ({chars})</source>
        <translation>条目“{item}”：“{key}”含有控制字符（{chars}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="46"/>
        <source>section &apos;{section}&apos;: &apos;{key}&apos; holds control characters ({chars})</source>
        <translation>栏目“{section}”：“{key}”含有控制字符（{chars}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="49"/>
        <source>item {number} of section &apos;{section}&apos; must be a table</source>
        <translation>栏目“{section}”的第 {number} 个条目必须是表</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="71"/>
        <source>the file is larger than {size} MiB: not a form</source>
        <translation>文件大于 {size} MiB，不是督查表</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="158"/>
        <source>{file}:{line}: {error}</source>
        <translation>{file}:{line}：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="157"/>
        <source>{file}:{line}: field too long (over {limit} characters)</source>
        <translation>{file}:{line}：字段过长（超过 {limit} 个字符）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="159"/>
        <source>{column} holds control characters ({chars})</source>
        <translation>{column} 含有控制字符（{chars}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="160"/>
        <source>{column} is longer than {limit} characters</source>
        <translation>{column} 超过 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="172"/>
        <source>a campaign name cannot hold control characters ({chars})</source>
        <translation>督查批次名称不能含有控制字符（{chars}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="180"/>
        <source>a {what} id or name is at most {limit} characters, not {length}</source>
        <translation>{what} 的编号或名称最多 {limit} 个字符，而不是 {length} 个</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="154"/>
        <source>county {county} has county_code {code} on line {first}</source>
        <translation>县区 {county} 在第 {first} 行的 county_code 是 {code}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="161"/>
        <source>{file}:{line}: county {county} is already in the database with county_code {code}</source>
        <translation>{file}:{line}：数据库中已有县区 {county}，其 county_code 为 {code}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="162"/>
        <source>{file}:{line}: {county} {township} is already in the database with township_code {code}</source>
        <translation>{file}:{line}：数据库中已有 {county} {township}，其 township_code 为 {code}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="163"/>
        <source>{file} is larger than {size} MiB: not a township list</source>
        <translation>{file} 大于 {size} MiB，不是乡镇名单</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="242"/>
        <source>the setting {key} holds control characters ({chars}); type it again without them</source>
        <translation>设置项 {key} 含有控制字符（{chars}），请去掉后重新输入</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="89"/>
        <source>the database is busy (another Inspector window or command is writing); try again in a moment</source>
        <translation>数据库正忙（另一个督查通窗口或命令正在写入）；请稍后再试</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="90"/>
        <source>the database is read-only, so nothing can be saved (check the file&apos;s permissions, or copy it off a read-only disk or share)</source>
        <translation>数据库是只读的，无法保存（请检查文件权限，或把它从只读磁盘或共享文件夹复制出来）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="91"/>
        <source>the disk is full, so nothing could be saved; free some space and try again</source>
        <translation>磁盘已满，未能保存；请腾出空间后再试</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="92"/>
        <source>the database file cannot be opened (its folder is missing, or not readable and writable)</source>
        <translation>无法打开数据库文件（所在文件夹不存在，或不可读写）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="93"/>
        <source>the file is not an Inspector database</source>
        <translation>该文件不是督查通数据库</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="94"/>
        <source>the database is damaged; restore a backup with &apos;inspector backup restore&apos;</source>
        <translation>数据库已损坏；请用“inspector backup restore”恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="95"/>
        <source>the disk could not be read or written (I/O error); check the disk or USB stick, and if it goes on, restore a backup with &apos;inspector backup restore&apos;</source>
        <translation>磁盘读写出错（I/O 错误）；请检查磁盘或U盘，如仍出错，请用“inspector backup restore”恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="96"/>
        <source>the operating system refused access to the database file (permission denied)</source>
        <translation>操作系统拒绝访问数据库文件（权限不足）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="100"/>
        <source>internal error, details written to {log}</source>
        <translation>程序内部错误，详细信息已写入 {log}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="98"/>
        <source>{file}: {error}</source>
        <translation>{file}：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="99"/>
        <source>internal error ({error}); the log could not be written</source>
        <translation>程序内部错误（{error}）；日志无法写入</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="135"/>
        <source>no backup named {name}; &apos;inspector backup list&apos; shows them</source>
        <translation>没有名为 {name} 的备份；“inspector backup list”可列出全部备份</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="136"/>
        <source>backup {name} is damaged; choose another one</source>
        <translation>备份 {name} 已损坏；请另选一个</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="137"/>
        <source>backup {name} is not an Inspector database</source>
        <translation>备份 {name} 不是督查通数据库</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="138"/>
        <source>backup {name} was written by a newer version of Inspector</source>
        <translation>备份 {name} 由更新版本的督查通写入</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="189"/>
        <source>{path} is damaged, so nothing was imported; restore a backup with &apos;inspector backup restore&apos;</source>
        <translation>{path} 已损坏，未导入任何内容；请用“inspector backup restore”恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="188"/>
        <source>{path} is damaged; restore a backup with &apos;inspector backup restore&apos;</source>
        <translation>{path} 已损坏；请用“inspector backup restore”恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="12"/>
        <source>give DEVICE_ID with both --start and --end, or nothing</source>
        <translation>请同时给出 DEVICE_ID、--start 和 --end，或都不给</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="13"/>
        <source>no passphrase given</source>
        <translation>未输入口令</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="15"/>
        <source>give --campaign (once or more) or --all</source>
        <translation>请给出 --campaign（可多次）或 --all</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="16"/>
        <source>the problem is already closed (销号); a follow-up cannot change it</source>
        <translation>该问题已销号，回头看不能再更改</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="17"/>
        <source>unknown follow-up verdict {verdict!r}: verified, partly or rejected</source>
        <translation>未知的回头看结论 {verdict!r}：应为 verified（整改到位）、partly（部分整改）或 rejected（未整改）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="18"/>
        <source>a follow-up verdict of partly or not rectified needs a reason</source>
        <translation>部分整改或未整改的回头看结论须填写理由</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="19"/>
        <source>only a problem still to rectify can have its deadline extended</source>
        <translation>只有尚未整改完成的问题才能延期</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="20"/>
        <source>an extension needs a reason</source>
        <translation>延期须填写理由</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="21"/>
        <source>an extension needs the name of who approved it</source>
        <translation>延期须填写批准人</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="22"/>
        <source>{date!r} is not a date (YYYY-MM-DD)</source>
        <translation>{date!r} 不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="23"/>
        <source>an extension moves the deadline later than {current}, not to {new}</source>
        <translation>延期只能晚于 {current}，不能改为 {new}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="64"/>
        <source>item &apos;{item}&apos;: a veto item is met or not: it has no &apos;partial&apos; (基本符合)</source>
        <translation>事项“{item}”：一票否决事项只有符合与不符合，不能设置 &apos;partial&apos;（基本符合）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="78"/>
        <source>the deadline {deadline} is before the day the problem was found, {found_on}</source>
        <translation>整改时限 {deadline} 早于发现问题的日期 {found_on}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="79"/>
        <source>a formula; type the value itself</source>
        <translation>是公式；请直接填写内容</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="80"/>
        <source>TRUE/FALSE is not an answer</source>
        <translation>TRUE/FALSE 不是有效填写</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="81"/>
        <source>a date or time is not an answer</source>
        <translation>日期或时间不是有效填写</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="82"/>
        <source>{value} is not one of 符合, 基本符合, 不符合, 不适用</source>
        <translation>{value} 不是 符合、基本符合、不符合、不适用 之一</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="83"/>
        <source>{value} is not a count (a whole number)</source>
        <translation>{value} 不是计数（整数）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="84"/>
        <source>{value} is not a count (a whole number from 0 to {most})</source>
        <translation>{value} 不是计数（0 到 {most} 的整数）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="85"/>
        <source>{value} is not text</source>
        <translation>{value} 不是文字</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="86"/>
        <source>a note longer than {most} characters</source>
        <translation>说明超过 {most} 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="87"/>
        <source>a control character in the note</source>
        <translation>说明中含有控制字符</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="88"/>
        <source>this item takes no verdict; write in the note column</source>
        <translation>此条目不填结论，请写在“说明”列</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="101"/>
        <source>the desktop app cannot start: Qt&apos;s X11 (xcb) platform needs {libraries}, missing on this computer; install them with: sudo apt-get install {packages}</source>
        <translation>桌面程序无法启动：Qt 的 X11（xcb）平台需要 {libraries}，本机缺少；请用以下命令安装：sudo apt-get install {packages}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="111"/>
        <source>notice {number} is voided: it is printed as a PDF marked 已作废, never as a Word file to sign</source>
        <translation>通知书{number}已作废：只能打印标有“已作废”的 PDF，不能导出供签发的 Word 文件</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="112"/>
        <source>{report} is made as {formats}, not {format}</source>
        <translation>{report}只能生成 {formats} 格式，不能生成 {format}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="113"/>
        <source>{file}: sheet {sheet}, row {row}, column {column}: {problem}</source>
        <translation>{file}：工作表 {sheet}，第 {row} 行，{column} 列：{problem}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="114"/>
        <source>{file}: {problem}</source>
        <translation>{file}：{problem}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="115"/>
        <source>the same township&apos;s sheet as {other}; import one of them</source>
        <translation>与 {other} 是同一乡镇（街道）的自评表，请只导入其中一份</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="116"/>
        <source>{count} problem(s) found; nothing was imported</source>
        <translation>发现 {count} 处问题，未导入任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="117"/>
        <source>not a readable XLSX workbook</source>
        <translation>不是可读取的 XLSX 工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="118"/>
        <source>the workbook has no sheet {sheet}</source>
        <translation>工作簿中没有工作表 {sheet}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="119"/>
        <source>cannot be read ({reason})</source>
        <translation>无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="120"/>
        <source>the file is {size} MiB; a self-assessment sheet is far smaller (at most {most} MiB)</source>
        <translation>文件有 {size} MiB；自评表远小于此（最多 {most} MiB）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="121"/>
        <source>not an XLSX workbook (not a zip archive)</source>
        <translation>不是 XLSX 工作簿（不是 zip 压缩包）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="122"/>
        <source>the workbook holds {count} parts; refused</source>
        <translation>工作簿含 {count} 个部件，已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="123"/>
        <source>the workbook expands far beyond its size (a zip bomb?); refused</source>
        <translation>工作簿解压后远大于文件本身（疑似压缩炸弹），已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="124"/>
        <source>not a self-assessment sheet made by Inspector (its hidden sheet is missing)</source>
        <translation>不是督查通生成的自评表（缺少隐藏工作表）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="125"/>
        <source>not a self-assessment sheet of this version of Inspector</source>
        <translation>不是本版本督查通的自评表</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="126"/>
        <source>its hidden sheet is damaged ({key})</source>
        <translation>隐藏工作表已损坏（{key}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="127"/>
        <source>the sheet is for a campaign this database does not hold</source>
        <translation>此自评表所属督查批次不在本数据库中</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="128"/>
        <source>the sheet was made from another form than campaign {campaign} uses</source>
        <translation>此自评表由另一版督查表生成，与督查批次 {campaign} 所用不同</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="129"/>
        <source>the sheet is for a township this database does not hold</source>
        <translation>此自评表所属乡镇（街道）不在本数据库中</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="130"/>
        <source>sheet {sheet}, row {row}: the header row was changed</source>
        <translation>工作表 {sheet}，第 {row} 行：表头已被修改</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="131"/>
        <source>sheet {sheet} holds more rows than the form has items</source>
        <translation>工作表 {sheet} 的行数多于督查表条目数</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="132"/>
        <source>{value} is not an item of the form</source>
        <translation>{value} 不是督查表中的条目</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="133"/>
        <source>item {item} appears twice</source>
        <translation>条目 {item} 出现了两次</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="134"/>
        <source>sheet {sheet}: items missing: {items}</source>
        <translation>工作表 {sheet}：缺少条目：{items}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="139"/>
        <source>a campaign covers at least one township</source>
        <translation>督查批次至少要包含一个乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="140"/>
        <source>no township with id {id}</source>
        <translation>没有 id 为 {id} 的乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="141"/>
        <source>no township with code {codes}</source>
        <translation>没有代码为 {codes} 的乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="185"/>
        <source>problem {id} is closed (销号); the version that is not closed cannot be kept</source>
        <translation>问题 {id} 已销号；未销号的版本不能保留</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="186"/>
        <source>notice {id} is voided (作废); the version that is not voided cannot be kept</source>
        <translation>通知书 {id} 已作废，不能保留未作废的版本</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="190"/>
        <source>{path} is damaged, so today&apos;s backup copy was not taken (it would replace a good one); restore a backup with &apos;inspector backup restore&apos;</source>
        <translation>{path} 已损坏，因此今天没有做备份（否则会顶替一份完好的备份）；请用“inspector backup restore”恢复一份备份</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="192"/>
        <source>no folder {folder} for the database {path}</source>
        <translation>数据库 {path} 所在的文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="195"/>
        <source>an id of 1 to {max} ASCII letters, digits or signs (no spaces or quotes)</source>
        <translation>由 1 至 {max} 个 ASCII 字母、数字或符号组成的标识（不含空格和引号）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="196"/>
        <source>one of {values}</source>
        <translation>{values} 之一</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="197"/>
        <source>a date YYYY-MM-DD between {first} and {last}</source>
        <translation>{first} 至 {last} 之间的日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="198"/>
        <source>a time YYYY-MM-DDTHH:MM:SS</source>
        <translation>时间（YYYY-MM-DDTHH:MM:SS）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="199"/>
        <source>one line of at most {max} characters without control characters</source>
        <translation>不超过 {max} 个字符、不含控制字符的单行文字</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="200"/>
        <source>text of at most {max} characters without control characters</source>
        <translation>不超过 {max} 个字符、不含控制字符的文字</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="201"/>
        <source>a whole number from {low} to {high}</source>
        <translation>{low} 至 {high} 之间的整数</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="202"/>
        <source>a number from {low} to {high}</source>
        <translation>{low} 至 {high} 之间的数</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="203"/>
        <source>{lengths} digits</source>
        <translation>{lengths} 位数字</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="204"/>
        <source>a sha256 (64 lowercase hex digits)</source>
        <translation>sha256 值（64 位小写十六进制数字）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="205"/>
        <source>a JSON array of ids</source>
        <translation>由标识组成的 JSON 数组</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="206"/>
        <source>a clock value (13 digits before 2100, 4 hex digits, a device id)</source>
        <translation>时钟值（2100 年之前的 13 位数字、4 位十六进制数字和设备标识）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="207"/>
        <source>{table} has no column {column}</source>
        <translation>{table} 没有 {column} 列</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="208"/>
        <source>{table}.{column}: {value} is not {expected}</source>
        <translation>{table}.{column}：{value} 不是{expected}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="209"/>
        <source>the warning days cannot be negative</source>
        <translation>预警天数不能为负数</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="210"/>
        <source>the problem is not on the work list of this follow-up round (a problem of the round it follows up, not yet closed)</source>
        <translation>该问题不在本轮回头看的清单上（清单为上一轮尚未销号的问题）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="212"/>
        <source>{campaign} is a follow-up round that only verifies the earlier round&apos;s problems: it has no checklist to fill in</source>
        <translation>{campaign}是只核查上一轮问题整改情况的回头看，没有需要填写的督查表</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="215"/>
        <source>{notice} names {count} notices; give the notice&apos;s id instead</source>
        <translation>{notice} 对应 {count} 份通知书，请改用通知书编号（id）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="216"/>
        <source>say why the notice is voided (a reason is required)</source>
        <translation>请填写作废原因（必填）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="217"/>
        <source>notice {number} was already voided on {day}</source>
        <translation>通知书{number}已于{day}作废</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="218"/>
        <source>notice {number} was already re-issued as {new}</source>
        <translation>通知书{number}已重新印发为{new}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="219"/>
        <source>notice {number} has no problem left to re-issue (closed, or on another notice)</source>
        <translation>通知书{number}已没有可重新印发的问题（已销号或已列入其他通知书）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="220"/>
        <source>notice {number} is voided; record the report against the notice that replaced it</source>
        <translation>通知书{number}已作废，请在替代它的通知书上登记整改报告</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="221"/>
        <source>the report cannot arrive ({day}) before the notice was issued ({issued})</source>
        <translation>整改报告的收到日期（{day}）不能早于通知书印发日期（{issued}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="222"/>
        <source>the deadline was set when the problem was recorded; it changes only through an extension (延期) with a reason and who approved it</source>
        <translation>整改时限在记录问题时已确定，只能通过延期（填写理由和批准人）变更</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="223"/>
        <source>a closed problem (销号) is final and cannot be deleted</source>
        <translation>已销号的问题不可删除</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="224"/>
        <source>this laptop may delete only an open problem it recorded itself that no other device has changed; ask headquarters to delete it</source>
        <translation>本机只能删除自己录入、尚未整改且未经其他设备修改的问题；请由市委组织部删除</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="225"/>
        <source>the problem is on the issued notice {number}; it cannot be deleted</source>
        <translation>该问题已列入整改通知书 {number}，不能删除</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="226"/>
        <source>{name} is a project site; this campaign&apos;s form inspects townships only</source>
        <translation>{name}是项目，本批次的督查表只督查乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="227"/>
        <source>{name} is a township; this campaign&apos;s form inspects project sites only</source>
        <translation>{name}是乡镇（街道），本批次的督查表只督查项目</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="228"/>
        <source>{file}:1: the columns are {expected} (code optional), not {header}</source>
        <translation>{file}:1: 列应为 {expected}（code 可省略），而不是 {header}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="229"/>
        <source>name is empty</source>
        <translation>name（项目名称）为空</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="230"/>
        <source>code &apos;{code}&apos; is not 9 or 12 digits</source>
        <translation>code“{code}”不是9位或12位数字</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="231"/>
        <source>{county} {name} repeats line {first}</source>
        <translation>{county} {name} 与第 {first} 行重复</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="232"/>
        <source>{file}: no project sites in the file</source>
        <translation>{file}：文件中没有项目</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="233"/>
        <source>{file}:{line}: no county {county} in the database (import the township list first)</source>
        <translation>{file}:{line}: 数据库中没有县区 {county}（请先导入乡镇名单）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="234"/>
        <source>{file} is larger than {size} MiB: not a project list</source>
        <translation>{file} 大于 {size} MiB，不是项目名单</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="238"/>
        <source>only headquarters numbers the {paper}: this laptop is enrolled as an inspector, and the counters of its numbers do not sync, so another computer could print the same number</source>
        <translation>只有总部可以为{paper}编号：本机登记为督查员笔记本，其编号计数不同步，其他电脑可能印出相同的文号</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="239"/>
        <source>{file}: the sheet is for a campaign this database does not hold</source>
        <translation>{file}：此自评表所属督查批次不在本数据库中</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="240"/>
        <source>{file}: the sheet was made from another form than campaign {campaign} uses</source>
        <translation>{file}：此自评表由另一版督查表生成，与督查批次 {campaign} 所用不同</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="241"/>
        <source>{file}: the sheet is for a township this database does not hold</source>
        <translation>{file}：此自评表所属乡镇（街道）不在本数据库中</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="268"/>
        <source>{file}: this device is not a recipient of this bundle: it is sealed to headquarters and the enrolled laptops assigned to its campaigns; ask the sender for a bundle with a passphrase, or headquarters to enrol this laptop or assign it to the campaign</source>
        <translation>{file}：本设备不是这个数据包的接收方：它只加密给总部和分配到其督查任务的已登记笔记本；请发送方另做一个带口令的数据包，或请总部登记本笔记本、把它分配到该督查任务</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="328"/>
        <source>{file}: manifest.json is nested too deeply</source>
        <translation>{file}：manifest.json 嵌套层数过多</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="181"/>
        <source>this computer&apos;s clock ({now}) is behind the last change recorded ({last}): check the date and time</source>
        <translation>本机时钟（{now}）早于已记录的最后一次修改（{last}）：请检查日期和时间</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="183"/>
        <source>{value!r} is not a clock value</source>
        <translation>{value!r} 不是时钟值</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="184"/>
        <source>device {device}&apos;s clock appears to be at {when}, more than a day ahead of this computer&apos;s ({today}); correct that laptop&apos;s clock, then export again</source>
        <translation>设备 {device} 的时钟似乎是 {when}，比本机（{today}）快一天以上；请校正那台电脑的时钟，然后重新导出</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="182"/>
        <source>the last change recorded in this database is stamped {last}, the end of the clock&apos;s range: set this computer&apos;s date and time right, then run &apos;inspector check --restamp-future&apos;</source>
        <translation>此数据库记录的最后一次修改时间戳为 {last}，已到时钟范围的尽头：请校正本机的日期和时间，然后运行“inspector check --restamp-future”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="211"/>
        <source>this database was last used on another computer or in another folder (device {name}, id {device}): if it is a copy, give it its own identity with &apos;inspector device new&apos; before editing; if it is the same laptop, renamed or moved, confirm with &apos;inspector device same&apos;</source>
        <translation>此数据库上次是在另一台电脑或另一个文件夹中使用的（设备 {name}，编号 {device}）：如果它是副本，请在编辑前用“inspector device new”为它设置自己的身份；如果是同一台电脑（改了名称或移动了位置），请用“inspector device same”确认</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="243"/>
        <source>{table}: {count} row(s) stamped more than a day ahead of this computer&apos;s clock (newest {when}, device {device}); other laptops refuse them: once the date here is right, run &apos;inspector check --restamp-future&apos;</source>
        <translation>{table}：{count} 行的时间戳比本机时钟快一天以上（最新为 {when}，设备 {device}）；其他电脑会拒收：校正本机日期后，请运行“inspector check --restamp-future”</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="369"/>
        <source>{file}: device {device}&apos;s clock appears to be at {when}, more than a day ahead of this computer&apos;s ({today}); correct that laptop&apos;s clock, then export again ({member} line {line}, column {column})</source>
        <translation>{file}：设备 {device} 的时钟似乎是 {when}，比本机（{today}）快一天以上；请校正那台电脑的时钟，然后重新导出（{member} 第 {line} 行，{column} 列）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="370"/>
        <source>{file} was made under this laptop&apos;s own device id {device} (by {name}): one of the two databases is a copy of the other; on the copy, run &apos;inspector device new&apos; (File → New device identity…), then export again</source>
        <translation>{file} 使用的是本机自己的设备编号 {device}（由 {name} 导出）：两个数据库中有一个是另一个的副本；请在副本上运行“inspector device new”（文件 → 新设备身份…），然后重新导出</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="371"/>
        <source>{file}: {member} line {line}, column {column}: version {value} carries this laptop&apos;s device id but was never made here: another laptop uses a copy of this database; on the copy, run &apos;inspector device new&apos; (File → New device identity…), then export again; if the copy already has its own id, run it here, then import again</source>
        <translation>{file}：{member} 第 {line} 行，{column} 列：版本 {value} 带有本机的设备编号，但并非本机所做：另一台电脑在使用本数据库的副本；请在副本上运行“inspector device new”（文件 → 新设备身份…），然后重新导出；如果副本已有自己的编号，请在本机运行该命令，然后重新导入</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="372"/>
        <source>{file}: {member} line {line}: version {value} differs from the version with the same stamp here: two databases use the device id {device} (one is a copy of the other); on the copy, run &apos;inspector device new&apos; (File → New device identity…), then export again</source>
        <translation>{file}：{member} 第 {line} 行：版本 {value} 与本机同一时间戳的版本内容不同：两个数据库在使用同一设备编号 {device}（其中一个是另一个的副本）；请在副本上运行“inspector device new”（文件 → 新设备身份…），然后重新导出</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="244"/>
        <source>export a delta (--since-last) to carry only the changes, or a campaign kit</source>
        <translation>请导出增量数据包（--since-last）只带变化部分，或导出督查批次数据包</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="253"/>
        <source>{table} row {id}: {size:,} bytes as one line of the bundle, {over:,} more than the {limit:,} a row may have; its column {column} alone is {column_size:,} bytes. Shorten it and export again</source>
        <translation>{table} 中的记录 {id}：在数据包中占一行 {size:,} 字节，比单条记录允许的 {limit:,} 字节多 {over:,} 字节；其中字段 {column} 就有 {column_size:,} 字节。请缩短后重新导出</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="252"/>
        <source>table {table} comes to {size:,} bytes in the bundle, {over:,} more than the {limit:,} a table may have; {advice}</source>
        <translation>表 {table} 在数据包中达 {size:,} 字节，比单个表允许的 {limit:,} 字节多 {over:,} 字节；{advice}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="246"/>
        <source>{count:,} attachments make more than the {limit:,} files a bundle may hold; {advice}</source>
        <translation>{count:,} 个附件使文件数超过了数据包允许的 {limit:,} 个；{advice}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="247"/>
        <source>its attachments alone come to</source>
        <translation>仅附件就有</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="248"/>
        <source>with its tables it comes to</source>
        <translation>连同数据表共</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="249"/>
        <source>this bundle is too big: {what} {size:,} bytes, {over:,} more than the {limit:,} a bundle may hold; {advice}</source>
        <translation>数据包过大：{what} {size:,} 字节，比数据包允许的 {limit:,} 字节多 {over:,} 字节；{advice}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="251"/>
        <source>the bundle&apos;s manifest.json would be {size:,} bytes, {over:,} more than the {limit:,} allowed; {advice}</source>
        <translation>数据包的 manifest.json 将达 {size:,} 字节，比允许的 {limit:,} 字节多 {over:,} 字节；{advice}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="245"/>
        <source>attachment {id} ({filename}) is {size:,} bytes, {over:,} more than the {limit:,} an attachment may have in a bundle</source>
        <translation>附件 {id}（{filename}）大小为 {size:,} 字节，比数据包中单个附件允许的 {limit:,} 字节多 {over:,} 字节</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="273"/>
        <source>a campaign kit is always complete: use --campaign or --since-last, not both</source>
        <translation>督查批次数据包总是完整的：--campaign 与 --since-last 只能选一个</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="274"/>
        <source>--to chooses the peer of a delta: add --since-last</source>
        <translation>--to 用于指定增量数据包的接收设备：请加上 --since-last</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="275"/>
        <source>no bundle from device {device} was ever imported here, so nothing says what it holds; known devices: {known}. Export a full bundle for it</source>
        <translation>本机从未导入过设备 {device} 的数据包，无从得知它已有哪些数据；已知设备：{known}。请为它导出完整数据包</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="277"/>
        <source>{table} row {id}: column {column} holds {value}, which is not {expected}; an import would refuse it, so correct it and export again</source>
        <translation>{table} 中的记录 {id}：字段 {column} 的值 {value} 不是{expected}；导入时会被拒绝，请更正后重新导出</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="276"/>
        <source>the bundle is complete, but this database could not note the export ({error}); the &apos;last export&apos; line stays as it was</source>
        <translation>数据包已完整写出，但数据库未能记录这次导出（{error}）；“上次导出”信息保持不变</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="278"/>
        <source>attachment file {sha} changed size while the bundle was written; export again</source>
        <translation>写数据包期间附件文件 {sha} 的大小发生了变化；请重新导出</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="306"/>
        <source>manifest.json: &apos;{key}&apos; is not a version vector</source>
        <translation>manifest.json：“{key}”不是版本向量</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="307"/>
        <source>manifest.json: &apos;{key}&apos; entry {author!r} is not a device and a clock value of it</source>
        <translation>manifest.json：“{key}”中的条目 {author!r} 不是设备及其时钟值</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="333"/>
        <source>{file}: {member} has a line longer than {limit:,} bytes</source>
        <translation>{file}：{member} 中有一行超过 {limit:,} 字节</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="367"/>
        <source>{file}: {member} {detail}. This is a delta bundle, made for a database that holds more than this one: ask {device} to export a full bundle</source>
        <translation>{file}：{member} {detail}。这是增量数据包，是为数据比本机更全的数据库制作的：请让 {device} 导出完整数据包</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="102"/>
        <source>no township of {campaign} has open problems not yet on a notice</source>
        <translation>{campaign}没有尚未列入通知书的待整改问题的乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="107"/>
        <source>no open problems of {campaign} are past their deadline on {date}</source>
        <translation>截至{date}，{campaign}没有超过整改时限的未整改问题</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="110"/>
        <source>the interview date {on} is before the notice&apos;s date {date}</source>
        <translation>约谈日期{on}早于通知日期{date}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="108"/>
        <source>no township of {campaign} is on the interview list</source>
        <translation>{campaign}没有列入约谈名单的乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="109"/>
        <source>this township is not on the interview list of {campaign}</source>
        <translation>该乡镇（街道）未列入{campaign}的约谈名单</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="237"/>
        <source>no county {county}; counties are: {names}</source>
        <translation>没有县区“{county}”；现有县区：{names}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="14"/>
        <source>fingerprint {given} does not match the request&apos;s {fingerprint}; the file may not come from that laptop — nothing enrolled</source>
        <translation>指纹 {given} 与登记申请的指纹 {fingerprint} 不符；该文件可能并非来自那台笔记本电脑——未登记</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="194"/>
        <source>only headquarters closes a problem (销号) or changes a closed one; this laptop is enrolled as an inspector</source>
        <translation>只有总部能销号或修改已销号的问题；本机登记的角色是督查员</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="250"/>
        <source>the bundle would hold {count:,} files, more than the {limit:,} a bundle may hold; {advice}</source>
        <translation>数据包将含 {count:,} 个文件，超过数据包允许的 {limit:,} 个；{advice}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="254"/>
        <source>no device may read this bundle: this device is not enrolled and holds no roster; enrol it at headquarters, or export with a passphrase</source>
        <translation>没有设备能读取此数据包：本机未登记，也没有设备名册；请到总部登记本机，或设置口令后导出</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="256"/>
        <source>{file}: manifest.json declares {size:,} bytes, more than the {limit:,} allowed</source>
        <translation>{file}：manifest.json 声明 {size:,} 字节，超过允许的 {limit:,}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="259"/>
        <source>{file}: manifest.json: not a JSON object</source>
        <translation>{file}：manifest.json：不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="260"/>
        <source>{file}: manifest.json: not an Inspector bundle (format is {format!r}, expected {expected!r})</source>
        <translation>{file}：manifest.json：不是督查通数据包（格式为 {format!r}，应为 {expected!r}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="261"/>
        <source>{file}: manifest.json: format_version {version!r} is not valid</source>
        <translation>{file}：manifest.json：format_version {version!r} 无效</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="262"/>
        <source>{file}: unsigned bundle (format 1) from an older Inspector: nothing in it proves who wrote it, so it is not imported; update Inspector on {device} and export again</source>
        <translation>{file}：来自旧版督查通的未签名数据包（格式 1）：无法证明由谁写入，不予导入；请在 {device} 上升级督查通后重新导出</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="263"/>
        <source>{file}: this bundle was made by a newer Inspector (bundle format {version}, this version reads {readable}); update Inspector to import it</source>
        <translation>{file}：此数据包由更新版本的督查通生成（数据包格式 {version}，本版本可读 {readable}）；请升级督查通后再导入</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="264"/>
        <source>{file}: manifest.json: &apos;sender&apos; is missing or not valid</source>
        <translation>{file}：manifest.json：“sender”缺失或无效</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="266"/>
        <source>{file}: {member} is missing</source>
        <translation>{file}：缺少 {member}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="267"/>
        <source>{file}: {size:,} bytes of content, more than the {limit:,} a bundle may hold</source>
        <translation>{file}：内容 {size:,} 字节，超过数据包允许的 {limit:,}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="270"/>
        <source>{file}: this bundle has no passphrase</source>
        <translation>{file}：此数据包没有设置口令</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="271"/>
        <source>{file}: {member} is too large</source>
        <translation>{file}：{member} 过大</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="269"/>
        <source>{file}: the encrypted content is damaged or altered ({error})</source>
        <translation>{file}：加密内容已损坏或被篡改（{error}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="272"/>
        <source>{file}: wrong passphrase</source>
        <translation>{file}：口令错误</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="300"/>
        <source>manifest.json: &apos;roster_serial&apos; is not valid</source>
        <translation>manifest.json：“roster_serial”无效</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="305"/>
        <source>manifest.json: the sender&apos;s own statement is missing</source>
        <translation>manifest.json：缺少发送方自己的签名声明</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="301"/>
        <source>manifest.json: a statement entry is not an object</source>
        <translation>manifest.json：有一项签名声明不是对象</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="302"/>
        <source>manifest.json: statement {id!r} is not valid</source>
        <translation>manifest.json：签名声明 {id!r} 无效</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="303"/>
        <source>manifest.json: statement {id} of {author}: only the sender&apos;s own statement comes without its list</source>
        <translation>manifest.json：{author} 的签名声明 {id}：只有发送方自己的声明可以不附版本清单</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="304"/>
        <source>manifest.json: statement {id} is listed twice</source>
        <translation>manifest.json：签名声明 {id} 列出了两次</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="310"/>
        <source>{file}: tables/forms.jsonl line {line}: form {form} {version} is frozen here; a bundle may not change its text</source>
        <translation>{file}：tables/forms.jsonl 第 {line} 行：督查表 {form} {version} 在本机已冻结；数据包不得修改其内容</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="313"/>
        <source>{key!r} is not a signing key</source>
        <translation>{key!r} 不是签名密钥</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="316"/>
        <source>{file} is not an Ed25519 key</source>
        <translation>{file} 不是 Ed25519 密钥</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="314"/>
        <source>{key!r} is not an encryption key</source>
        <translation>{key!r} 不是加密密钥</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="315"/>
        <source>the key files in {folder} are damaged; restore them from where you keep them, or ask headquarters to enrol this device again</source>
        <translation>{folder} 中的密钥文件已损坏；请从备份处恢复，或请总部重新登记本机</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="321"/>
        <source>{file}: the sender outside ({outer}) is not the sender inside ({inner})</source>
        <translation>{file}：外层的发送设备（{outer}）与内层的发送设备（{inner}）不一致</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="320"/>
        <source>{file}: the decrypted content is not a bundle</source>
        <translation>{file}：解密后的内容不是数据包</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="343"/>
        <source>role {role!r} writes nothing</source>
        <translation>角色 {role!r} 无权写入任何数据</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="344"/>
        <source>only headquarters writes {table}</source>
        <translation>只有总部能写入 {table}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="345"/>
        <source>only headquarters closes a problem (销号)</source>
        <translation>只有总部能销号</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="346"/>
        <source>an inspector may not delete a problem unless it is still open and was recorded on that laptop with no other device&apos;s change since (a problem recorded by mistake)</source>
        <translation>督查组不能删除问题，除非该问题仍为待整改、由本笔记本录入且此后没有其他设备修改过（即误录的问题）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="347"/>
        <source>an inspector may not delete an issued notice; only headquarters does</source>
        <translation>督查组不能删除已下发的整改通知书，只有总部可以</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="349"/>
        <source>this installation already trusts headquarters {name} ({fingerprint}); it cannot become headquarters itself</source>
        <translation>本机已信任总部 {name}（{fingerprint}）；不能自己成为总部</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="350"/>
        <source>only headquarters can do this; this installation is not headquarters (see &apos;inspector hq init&apos;)</source>
        <translation>只有总部能做此操作；本机不是总部（见“inspector hq init”）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="351"/>
        <source>unknown role {role!r}; use one of {roles}</source>
        <translation>未知角色 {role!r}；请使用 {roles} 之一</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="352"/>
        <source>device {device} is already enrolled with another key; revoke it and enrol the new installation under its own id</source>
        <translation>设备 {device} 已用另一把密钥登记；请先吊销它，再以新安装自己的编号登记</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="353"/>
        <source>device {device} ({name}) was revoked; a revoked device cannot be enrolled again</source>
        <translation>设备 {device}（{name}）已被吊销；被吊销的设备不能再次登记</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="355"/>
        <source>no notice number block is left to give</source>
        <translation>已没有可分配的文号段</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="356"/>
        <source>a number block runs from 1 to {max}, first before last</source>
        <translation>文号段须在 1 至 {max} 之间，起号不大于止号</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="357"/>
        <source>notice numbers {first}-{last} overlap {name}&apos;s block {start}-{end}</source>
        <translation>文号 {first}-{last} 与{name}的文号段 {start}-{end} 重叠</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="358"/>
        <source>headquarters cannot revoke itself</source>
        <translation>总部不能吊销自己</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="360"/>
        <source>{file}: the request&apos;s signature does not match its key (damaged or altered)</source>
        <translation>{file}：登记申请的签名与其密钥不符（已损坏或被篡改）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="361"/>
        <source>the roster is signed by headquarters&apos; retired key {fingerprint}, which its successor replaced (altered, or the old key was not destroyed)</source>
        <translation>名册由总部已停用的密钥 {fingerprint} 签名，该密钥已被新密钥取代（名册被篡改，或旧密钥未销毁）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="363"/>
        <source>the roster&apos;s signature does not match headquarters&apos; key (damaged or altered)</source>
        <translation>设备名册的签名与总部密钥不符（已损坏或被篡改）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="348"/>
        <source>the roster is malformed</source>
        <translation>设备名册格式错误</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="354"/>
        <source>no enrolled device {device}</source>
        <translation>没有已登记的设备 {device}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="359"/>
        <source>{file} is not an enrolment request</source>
        <translation>{file} 不是登记申请</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="362"/>
        <source>the roster is signed by {name} ({fingerprint}), not by the headquarters this laptop trusts ({pinned})</source>
        <translation>设备名册由 {name}（{fingerprint}）签发，而不是本机信任的总部（{pinned}）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="364"/>
        <source>the roster differs from the one held under the same serial {serial} (altered)</source>
        <translation>设备名册与本机同一版号 {serial} 的名册不同（已被篡改）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="365"/>
        <source>the fingerprint given does not match headquarters {name} ({fingerprint}); do not import this bundle unless headquarters reads out that fingerprint</source>
        <translation>所给指纹与总部 {name}（{fingerprint}）不符；除非总部读出的正是该指纹，否则不要导入此数据包</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="366"/>
        <source>this laptop trusts no headquarters yet: the bundle is signed by headquarters {name} with fingerprint {fingerprint}; compare it with headquarters, then import again with --trust-hq {fingerprint}</source>
        <translation>本机尚未信任任何总部：此数据包由总部 {name} 签名，指纹为 {fingerprint}；请与总部核对后，加 --trust-hq {fingerprint} 再次导入</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="377"/>
        <source>{file}: the bundle&apos;s signature does not match its sender {name} ({device}): damaged or altered</source>
        <translation>{file}：数据包签名与发送设备 {name}（{device}）不符：已损坏或被篡改</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="373"/>
        <source>{file}: sent by device {device}, which headquarters has not enrolled; it is not imported</source>
        <translation>{file}：由总部未登记的设备 {device} 发出；不予导入</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="376"/>
        <source>{file}: this device holds no roster and the bundle carries none, so nothing in it can be verified; import a campaign kit from headquarters first</source>
        <translation>{file}：本机没有设备名册，数据包中也没有，无法验证其中任何内容；请先导入总部的督查批次工作包</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="378"/>
        <source>{file}: signature.json is missing: the bundle is not signed</source>
        <translation>{file}：缺少 signature.json：数据包未签名</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="379"/>
        <source>{file}: relays versions of device {device}, which headquarters has not enrolled</source>
        <translation>{file}：转发了设备 {device} 的版本，而总部未登记该设备</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="380"/>
        <source>{file}: {member}: the statement of {name} ({device}) does not match its signature (altered)</source>
        <translation>{file}：{member}：{name}（{device}）的签名声明与其签名不符（被篡改）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="382"/>
        <source>{file}: {member} line {line}: {table} row {id} was written by device {device}, which headquarters has not enrolled</source>
        <translation>{file}：{member} 第 {line} 行：{table} 的记录 {id} 由总部未登记的设备 {device} 写入</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="383"/>
        <source>{file}: {member} line {line}: {table} row {id} was written by {name} ({device}), which headquarters revoked, and is not among the versions headquarters had accepted from it before</source>
        <translation>{file}：{member} 第 {line} 行：{table} 行 {id} 由已被总部吊销的 {name}（{device}）写入，且不在总部吊销前已接收的版本之中</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="384"/>
        <source>{file}: {member} line {line}: {table} row {id} was stamped by {name} ({device}) after headquarters revoked that device</source>
        <translation>{file}：{member} 第 {line} 行：{table} 的记录 {id} 由 {name}（{device}）在总部吊销该设备之后写入</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="385"/>
        <source>{file}: {member} line {line}: device {name} ({device}), role {role}, may not write {table} row {id}: {why}</source>
        <translation>{file}：{member} 第 {line} 行：设备 {name}（{device}）的角色为 {role}，无权写入 {table} 的记录 {id}：{why}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="386"/>
        <source>{file}: the rows of {name} ({device}) do not match its signature: changed after signing</source>
        <translation>{file}：{name}（{device}）的数据行与其签名不符：签名后被修改过</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="381"/>
        <source>{file}: {member} line {line}: {table} row {id} says it was written by device {device}, but no signature of that device covers this version (forged or altered)</source>
        <translation>{file}：{member} 第 {line} 行：{table} 的记录 {id} 自称由设备 {device} 写入，但没有该设备的签名覆盖此版本（伪造或被篡改）</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="374"/>
        <source>{file}: roster.json: {detail}</source>
        <translation>{file}：roster.json：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/message_catalog.py" line="375"/>
        <source>{file}: roster.json is not valid JSON</source>
        <translation>{file}：roster.json 不是有效的 JSON</translation>
    </message>
</context>
<context>
    <name>NoticeListWidget</name>
    <message>
        <location filename="../../ui/notices.py" line="196"/>
        <source>Issue notice…</source>
        <translation>下发整改通知书…</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="197"/>
        <source>View / print</source>
        <translation>查看 / 打印</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="199"/>
        <source>Issue for every township…</source>
        <translation>为所有乡镇下发…</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="202"/>
        <source>One notice for each township of the campaign with open problems not yet on a notice, numbered in catalogue order, then all of them in one file to print or save</source>
        <translation>为本批次每个尚有未列入通知书的待整改问题的乡镇各下发一份通知书，按名录顺序编号，全部合成一个文件打印或保存</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="208"/>
        <source>Void / re-issue…</source>
        <translation>作废 / 重新印发…</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="211"/>
        <source>Void the selected notice (作废), kept and marked, and give its problems a new number</source>
        <translation>作废所选通知书（保留并标记），并以新文号印发其问题</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="214"/>
        <source>Report received…</source>
        <translation>登记整改报告…</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="216"/>
        <source>Record that the township&apos;s 整改报告 arrived, with its scan</source>
        <translation>登记乡镇（街道）已报送整改报告，并附扫描件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notices.py" line="268"/>
        <source>%n notice(s)</source>
        <translation>
            <numerusform>%n 份通知书</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="319"/>
        <source>Notice issued</source>
        <translation>通知书已下发</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="320"/>
        <source>Issued {0} to {1}.</source>
        <translation>已向{1}下发 {0}。</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="331"/>
        <location filename="../../ui/notices.py" line="337"/>
        <source>Issue notices</source>
        <translation>下发整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="332"/>
        <source>No township of this campaign has open problems that are not on a notice.</source>
        <translation>本批次没有尚未列入通知书的待整改问题的乡镇。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notices.py" line="339"/>
        <source>Issue %n notice(s), one per township with open problems not yet on a notice? They are numbered in order and archived; this cannot be undone.</source>
        <translation>
            <numerusform>下发 %n 份整改通知书（每个尚有未列入通知书的待整改问题的乡镇一份）？将按顺序编号并存档，无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="415"/>
        <source>Report received</source>
        <translation>整改报告</translation>
    </message>
</context>
<context>
    <name>NoticeProblemModel</name>
    <message>
        <location filename="../../ui/issue_notice_dialog.py" line="70"/>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <location filename="../../ui/issue_notice_dialog.py" line="70"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/issue_notice_dialog.py" line="70"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../ui/issue_notice_dialog.py" line="70"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>NoticeTableModel</name>
    <message>
        <location filename="../../ui/notices.py" line="71"/>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="72"/>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="73"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="74"/>
        <source>Issued on</source>
        <translation>下发日期</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="75"/>
        <source>Report back by</source>
        <translation>报送整改情况截止</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="76"/>
        <source>Problems</source>
        <translation>问题清单</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="77"/>
        <source>PDF archived</source>
        <translation>PDF 已存档</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="78"/>
        <source>Addressee</source>
        <translation>主送单位</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="79"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="80"/>
        <source>Report received</source>
        <translation>整改报告</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="129"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="129"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="141"/>
        <source>Voided on {0} by {1}: {2}</source>
        <translation>{0}由{1}作废：{2}</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="154"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="156"/>
        <source>Replaces {0}</source>
        <translation>替代{0}</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="157"/>
        <source>Issued</source>
        <translation>已印发</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="163"/>
        <source>Not yet</source>
        <translation>未报送</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="164"/>
        <source>{0}, {1}</source>
        <translation>{0}，{1}</translation>
    </message>
    <message>
        <location filename="../../ui/notices.py" line="166"/>
        <source> (scan)</source>
        <translation>（附扫描件）</translation>
    </message>
</context>
<context>
    <name>ProblemActions</name>
    <message>
        <location filename="../../ui/problem_actions.py" line="55"/>
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../ui/problem_actions.py" line="60"/>
        <source>Images (%s);;All files (*)</source>
        <translation>图片 (%s);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/problem_actions.py" line="120"/>
        <source>Reject rectification</source>
        <translation>复查退回</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/problem_actions.py" line="121"/>
        <source>Why is the rectification not accepted? (%n problem(s))</source>
        <translation>
            <numerusform>整改为何未通过复查？（%n 个问题）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/problem_actions.py" line="132"/>
        <source>Verify and close</source>
        <translation>验收销号</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/problem_actions.py" line="133"/>
        <source>Close %n problem(s) as verified? This cannot be undone.</source>
        <translation>
            <numerusform>确认 %n 个问题已验收并销号？此操作无法撤销。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemListWidget</name>
    <message>
        <location filename="../../ui/problem_list.py" line="126"/>
        <source>Overdue only</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <location filename="../../ui/problem_list.py" line="133"/>
        <source>Show problems in this state (none pressed: all)</source>
        <translation>显示此状态的问题（都不选则显示全部）</translation>
    </message>
    <message>
        <location filename="../../ui/problem_list.py" line="141"/>
        <source>Show problems with this deadline light (none pressed: all)</source>
        <translation>只显示该预警灯的问题（都不按下：全部）</translation>
    </message>
    <message>
        <location filename="../../ui/problem_list.py" line="146"/>
        <source>Search problem, township, responsible unit or item…</source>
        <translation>搜索问题、乡镇（街道）、责任单位或条目…</translation>
    </message>
    <message>
        <location filename="../../ui/problem_list.py" line="150"/>
        <source>Add problem…</source>
        <translation>新增问题…</translation>
    </message>
    <message>
        <location filename="../../ui/problem_list.py" line="151"/>
        <source>Record a problem no checklist item gave</source>
        <translation>录入督查表条目之外发现的问题</translation>
    </message>
    <message>
        <location filename="../../ui/problem_list.py" line="156"/>
        <source>Campaign</source>
        <translation>督查批次</translation>
    </message>
    <message>
        <location filename="../../ui/problem_list.py" line="157"/>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <location filename="../../ui/problem_list.py" line="158"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/problem_list.py" line="170"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/problem_list.py" line="176"/>
        <source>Light</source>
        <translation>预警灯</translation>
    </message>
    <message>
        <location filename="../../ui/problem_list.py" line="324"/>
        <source>Problem not added</source>
        <translation>问题未添加</translation>
    </message>
    <message>
        <location filename="../../ui/problem_list.py" line="384"/>
        <source>All campaigns</source>
        <translation>全部督查批次</translation>
    </message>
    <message>
        <location filename="../../ui/problem_list.py" line="391"/>
        <source>All counties</source>
        <translation>全部县区</translation>
    </message>
    <message>
        <location filename="../../ui/problem_list.py" line="408"/>
        <source>All townships</source>
        <translation>全部乡镇（街道）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/problem_list.py" line="453"/>
        <source>Searching… %n found so far</source>
        <translation>
            <numerusform>正在查找…已找到 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/problem_list.py" line="455"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/problem_list.py" line="457"/>
        <source>%n selected: too many for one step</source>
        <translation>
            <numerusform>已选 %n 个：数量过多，无法一次处理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/problem_list.py" line="459"/>
        <source>%n selected</source>
        <translation>
            <numerusform>已选 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemPanel</name>
    <message>
        <location filename="../../ui/problem_panel.py" line="130"/>
        <source>Extend…</source>
        <translation>延期…</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="132"/>
        <source>Extend the deadline (延期), with a reason and who approved it</source>
        <translation>延期：须填写理由和批准人</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="137"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="138"/>
        <source>Delete a problem recorded by mistake</source>
        <translation>删除误录的问题</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="139"/>
        <source>Closed (销号): the problem is final and read-only.</source>
        <translation>已销号：问题已终结，只读。</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="142"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="143"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="146"/>
        <location filename="../../ui/problem_panel.py" line="315"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="149"/>
        <location filename="../../ui/problem_panel.py" line="430"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="150"/>
        <location filename="../../ui/problem_panel.py" line="431"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="151"/>
        <location filename="../../ui/problem_panel.py" line="432"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="152"/>
        <location filename="../../ui/problem_panel.py" line="433"/>
        <source>Rectification measure</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="156"/>
        <location filename="../../ui/problem_panel.py" line="434"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="174"/>
        <source>Rectification</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="176"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="177"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="178"/>
        <source>Rectified on</source>
        <translation>整改完成日期</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="179"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="180"/>
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="181"/>
        <source>Notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="196"/>
        <source>Verified</source>
        <translation>整改到位</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="197"/>
        <source>Partly rectified</source>
        <translation>部分整改</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="198"/>
        <source>Not rectified</source>
        <translation>未整改</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="202"/>
        <source>Reason (required unless verified), told to the township</source>
        <translation>理由（整改到位以外必填），将告知乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="204"/>
        <source>Close (销号) when verified</source>
        <translation>整改到位即销号</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="207"/>
        <source>Follow-up (回头看)</source>
        <translation>回头看</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="221"/>
        <source>History</source>
        <translation>历程</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="230"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="231"/>
        <source>Evidence photos</source>
        <translation>佐证照片</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/problem_panel.py" line="313"/>
        <source>%n problem(s) selected</source>
        <translation>
            <numerusform>已选 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="318"/>
        <source>The buttons below act on all selected problems at once.</source>
        <translation>下方按钮将同时作用于所有选中的问题。</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="320"/>
        <source>Select a problem in the list to see and edit it.</source>
        <translation>在列表中选择一个问题以查看和编辑。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/problem_panel.py" line="358"/>
        <source>%1 — overdue by %n day(s)</source>
        <translation>
            <numerusform>%1 — 已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="404"/>
        <source>recorded</source>
        <translation>录入</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="406"/>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="408"/>
        <source>follow-up (复查) rejected the rectification: %1</source>
        <translation>复查未通过，退回整改：%1</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="414"/>
        <source>deadline extended from %1 to %2 (approved by %3): %4</source>
        <translation>整改时限由 %1 延期至 %2（%3 批准）：%4</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="422"/>
        <source>follow-up %1: %2</source>
        <translation>回头看 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="436"/>
        <source>changed %1</source>
        <translation>修改了%1</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="447"/>
        <source>verified</source>
        <translation>整改到位</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="448"/>
        <source>partly rectified</source>
        <translation>部分整改</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="449"/>
        <source>not rectified</source>
        <translation>未整改</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/problem_panel.py" line="460"/>
        <source>Originally %1; extended %n time(s)</source>
        <translation>
            <numerusform>原定 %1；已延期 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="480"/>
        <source>This round: %1</source>
        <translation>本轮：%1</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="485"/>
        <source>not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="510"/>
        <source>Verdict not recorded</source>
        <translation>回头看结论未记录</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="534"/>
        <source>Deadline not extended</source>
        <translation>未能延期</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="597"/>
        <source>Problem not saved</source>
        <translation>问题未保存</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="644"/>
        <source>Delete problem</source>
        <translation>删除问题</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="646"/>
        <source>Delete this problem as recorded by mistake? The deletion is kept in its history and travels with the next bundle.</source>
        <translation>确认此问题为误录并删除？删除记录会保留在历程中，并随下一个数据包同步。</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="656"/>
        <source>Problem not deleted</source>
        <translation>问题未删除</translation>
    </message>
    <message>
        <location filename="../../ui/problem_panel.py" line="686"/>
        <source>Photos not added</source>
        <translation>照片未添加</translation>
    </message>
</context>
<context>
    <name>ProblemStatus</name>
    <message>
        <location filename="../../ui/township_page.py" line="483"/>
        <source>Open</source>
        <translation>待整改</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="484"/>
        <source>Rectifying</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="485"/>
        <source>Rectified</source>
        <translation>已整改待验收</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="486"/>
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../ui/problem_model.py" line="63"/>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="64"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="65"/>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="66"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="67"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="68"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="69"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="70"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="71"/>
        <source>Notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="72"/>
        <source>Light</source>
        <translation>亮灯</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="73"/>
        <source>Extensions</source>
        <translation>延期次数</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="90"/>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="91"/>
        <source>Yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="92"/>
        <source>Green</source>
        <translation>绿</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="99"/>
        <source>Open</source>
        <translation>待整改</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="100"/>
        <source>Rectifying</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="101"/>
        <source>Rectified, to verify</source>
        <translation>已整改待验收</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="102"/>
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="109"/>
        <source>Start rectification</source>
        <translation>开始整改</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="110"/>
        <source>Mark rectified…</source>
        <translation>标记整改完成…</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="111"/>
        <source>Verify and close</source>
        <translation>验收销号</translation>
    </message>
    <message>
        <location filename="../../ui/problem_model.py" line="112"/>
        <source>Reject…</source>
        <translation>复查退回…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/problem_model.py" line="362"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="13"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="14"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="15"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="16"/>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="11"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="12"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Ranking</name>
    <message>
        <location filename="../../ui/ranking_view.py" line="64"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="65"/>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="66"/>
        <source>County rank</source>
        <translation>县区内名次</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="67"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="68"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="69"/>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="70"/>
        <source>Answered</source>
        <translation>已答/事项</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="71"/>
        <source>Change</source>
        <translation>名次变化</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="72"/>
        <source>Interview</source>
        <translation>约谈</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="180"/>
        <source>Not every item is answered: the score is provisional, not ranked.</source>
        <translation>尚有事项未评：得分为暂定，不排名。</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="190"/>
        <source>Unranked (incomplete)</source>
        <translation>未完成，不排名</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="207"/>
        <source>For interview</source>
        <translation>约谈</translation>
    </message>
</context>
<context>
    <name>RankingView</name>
    <message>
        <location filename="../../ui/ranking_view.py" line="233"/>
        <source>Save as &amp;Excel…</source>
        <translation>另存为 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="234"/>
        <source>&amp;Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="250"/>
        <source>County:</source>
        <translation>县区：</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="298"/>
        <source>All counties</source>
        <translation>全部县区</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="323"/>
        <source>There is no campaign yet.</source>
        <translation>还没有督查批次。</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="326"/>
        <source>{0}: no earlier campaign of this form, so no change in rank.</source>
        <translation>{0}：此前没有使用同一督查表的批次，不计名次变化。</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="332"/>
        <source>{0}: change in rank since {1}.</source>
        <translation>{0}：名次变化与“{1}”相比。</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="342"/>
        <source>{0} ranked, {1} unfinished, {2} for 约谈</source>
        <translation>已排名 {0} 个，未完成 {1} 个，约谈 {2} 个</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="384"/>
        <source>Save the ranking</source>
        <translation>保存排名表</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="384"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_view.py" line="390"/>
        <source>Saving the ranking…</source>
        <translation>正在保存排名表…</translation>
    </message>
</context>
<context>
    <name>RectifyDialog</name>
    <message>
        <location filename="../../ui/problem_actions.py" line="70"/>
        <source>Mark rectified</source>
        <translation>标记整改完成</translation>
    </message>
    <message>
        <location filename="../../ui/problem_actions.py" line="73"/>
        <source>What the township did, and the evidence it sent</source>
        <translation>乡镇（街道）的整改措施及报送的佐证材料</translation>
    </message>
    <message>
        <location filename="../../ui/problem_actions.py" line="76"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/problem_actions.py" line="85"/>
        <source>Rectification of %n problem(s):</source>
        <translation>
            <numerusform>%n 个问题的整改情况：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/problem_actions.py" line="88"/>
        <source>Evidence photos (optional):</source>
        <translation>佐证照片（可选）：</translation>
    </message>
</context>
<context>
    <name>ReportBackDialog</name>
    <message>
        <location filename="../../ui/notice_actions.py" line="92"/>
        <source>Report received for {0}</source>
        <translation>登记{0}的整改报告</translation>
    </message>
    <message>
        <location filename="../../ui/notice_actions.py" line="101"/>
        <source>PDF or image of the report (optional)</source>
        <translation>整改报告的 PDF 或图片（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/notice_actions.py" line="102"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/notice_actions.py" line="108"/>
        <source>Received on:</source>
        <translation>收到日期：</translation>
    </message>
    <message>
        <location filename="../../ui/notice_actions.py" line="109"/>
        <source>Received by:</source>
        <translation>接收人：</translation>
    </message>
    <message>
        <location filename="../../ui/notice_actions.py" line="110"/>
        <source>Scan:</source>
        <translation>扫描件：</translation>
    </message>
    <message>
        <location filename="../../ui/notice_actions.py" line="126"/>
        <source>Scan of the report</source>
        <translation>整改报告扫描件</translation>
    </message>
    <message>
        <location filename="../../ui/notice_actions.py" line="128"/>
        <source>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../ui/report_view.py" line="70"/>
        <source>{0} pages</source>
        <translation>共 {0} 页</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="74"/>
        <source>Fonts: {0}</source>
        <translation>字体：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="77"/>
        <source>The fonts this document is set in. 方正小标宋, 仿宋_GB2312, 黑体 and 楷体 are used where installed; otherwise the bundled WenQuanYi Micro Hei stands in.</source>
        <translation>本文档所用字体。已安装方正小标宋、仿宋_GB2312、黑体、楷体时使用这些字体，否则使用内置的文泉驿微米黑。</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="81"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="82"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="83"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="111"/>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="112"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="125"/>
        <location filename="../../ui/report_view.py" line="132"/>
        <source>Save report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="110"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/report_view.py" line="167"/>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <location filename="../../ui/backup_dialog.py" line="80"/>
        <location filename="../../ui/backup_dialog.py" line="145"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="86"/>
        <source>Choose the copy to put back. The database as it is now is kept as a backup first; photos and other attachments stay as they are.</source>
        <translation>请选择要恢复的备份。恢复前会先把当前数据库另存为备份；照片等附件保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="94"/>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="94"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="94"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="104"/>
        <source>{0} KB</source>
        <translation>{0} KB</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="112"/>
        <source>There are no backups of this database yet.</source>
        <translation>该数据库还没有备份。</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="115"/>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_dialog.py" line="147"/>
        <source>Put back the backup taken {0} ({1})?

Everything changed since then is replaced; the database as it is now is kept as a backup.</source>
        <translation>要恢复 {0}（{1}）的备份吗？

此后的所有修改都将被替换；当前数据库会先另存为备份。</translation>
    </message>
</context>
<context>
    <name>SelfAssessmentActions</name>
    <message>
        <location filename="../../ui/self_assessment.py" line="109"/>
        <source>Export self-assessment &amp;sheets…</source>
        <translation>导出自评表(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/self_assessment.py" line="111"/>
        <source>One XLSX sheet per township for the campaign&apos;s self-assessment (自评)</source>
        <translation>为本批次每个乡镇（街道）生成一份 XLSX 自评表</translation>
    </message>
    <message>
        <location filename="../../ui/self_assessment.py" line="114"/>
        <source>Import filled self-assessment sheets…</source>
        <translation>导入已填写的自评表…</translation>
    </message>
    <message>
        <location filename="../../ui/self_assessment.py" line="128"/>
        <location filename="../../ui/self_assessment.py" line="171"/>
        <location filename="../../ui/self_assessment.py" line="212"/>
        <location filename="../../ui/self_assessment.py" line="230"/>
        <source>Self-assessment</source>
        <translation>自评</translation>
    </message>
    <message>
        <location filename="../../ui/self_assessment.py" line="128"/>
        <source>Choose a campaign first.</source>
        <translation>请先选择督查批次。</translation>
    </message>
    <message>
        <location filename="../../ui/self_assessment.py" line="137"/>
        <source>Export self-assessment sheets</source>
        <translation>导出自评表</translation>
    </message>
    <message>
        <location filename="../../ui/self_assessment.py" line="139"/>
        <source>Export the sheet of the selected township only? (No: one sheet for every township.)</source>
        <translation>只导出所选乡镇（街道）的自评表？（选“否”则为每个乡镇各导出一份。）</translation>
    </message>
    <message>
        <location filename="../../ui/self_assessment.py" line="151"/>
        <source>Folder for the self-assessment sheets</source>
        <translation>保存自评表的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/self_assessment.py" line="158"/>
        <source>Writing self-assessment sheets…</source>
        <translation>正在生成自评表…</translation>
    </message>
    <message>
        <location filename="../../ui/self_assessment.py" line="172"/>
        <source>{0} sheet(s) written to {1}</source>
        <translation>已生成 {0} 份自评表，保存在 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/self_assessment.py" line="187"/>
        <source>Filled self-assessment sheets</source>
        <translation>已填写的自评表</translation>
    </message>
    <message>
        <location filename="../../ui/self_assessment.py" line="189"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/self_assessment.py" line="196"/>
        <source>Checking and importing self-assessment sheets…</source>
        <translation>正在检查并导入自评表…</translation>
    </message>
    <message>
        <location filename="../../ui/self_assessment.py" line="213"/>
        <source>{0} sheet(s) imported, {1} answer(s) changed</source>
        <translation>已导入 {0} 份自评表，{1} 项自评有变化</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="57"/>
        <source>{0} counties and {1} townships added or changed, {2} unchanged</source>
        <translation>新增或更新 {0} 个县区、{1} 个乡镇（街道），{2} 个未变</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="72"/>
        <location filename="../../ui/settings_dialog.py" line="203"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="82"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="86"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="90"/>
        <source>e.g. 王建国 0580-2281234</source>
        <translation>例如：王建国 0580-2281234</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="94"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="97"/>
        <source>Keep original photos</source>
        <translation>保留照片原图</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="100"/>
        <source>Off: photos are stored at 2,560 pixels on their long edge, which keeps bundles small. On: stored exactly as taken.</source>
        <translation>关闭：照片按长边 2560 像素保存，数据包较小。开启：按拍摄原样保存。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="106"/>
        <source>This laptop</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="108"/>
        <source>Inspector name</source>
        <translation>督查人员姓名</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="109"/>
        <source>Device name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="110"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="111"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="112"/>
        <source>Devices, keys and enrolment…</source>
        <translation>设备、密钥与登记…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="114"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="115"/>
        <source>Rectification notices</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="117"/>
        <source>Number prefix</source>
        <translation>文号前缀</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="121"/>
        <source>Number block (from, to)</source>
        <translation>本机编号段（起、止）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="122"/>
        <source>Default deadline</source>
        <translation>默认整改期限</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="123"/>
        <source>Issuing body</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="124"/>
        <source>Contact</source>
        <translation>联系人及电话</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="126"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="127"/>
        <source>Township list (CSV)…</source>
        <translation>乡镇（街道）名单（CSV）…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="128"/>
        <source>Checklist form (TOML)…</source>
        <translation>督查表（TOML）…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="189"/>
        <source>The notice number prefix cannot be empty (e.g. 舟组督).</source>
        <translation>文号前缀不能为空（例如：舟组督）。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="193"/>
        <source>The number block ends before it starts.</source>
        <translation>编号段的止号小于起号。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="195"/>
        <source>Give this laptop a device name (it shows in bundles).</source>
        <translation>请为本机设置设备名称（会显示在数据包中）。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="198"/>
        <source>Names cannot hold control characters (such as escape sequences, line breaks or direction overrides); type them again without them.</source>
        <translation>名称不能含有控制字符（如转义序列、换行或文字方向控制符），请去掉后重新输入。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="219"/>
        <source>Import a township list</source>
        <translation>导入乡镇（街道）名单</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="219"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="228"/>
        <source>Township list</source>
        <translation>乡镇（街道）名单</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="234"/>
        <source>Township list not imported</source>
        <translation>乡镇（街道）名单未导入</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="235"/>
        <source>Nothing was imported:

{0}</source>
        <translation>未导入任何内容：

{0}</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="240"/>
        <source>Importing townships</source>
        <translation>正在导入乡镇（街道）名单</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="251"/>
        <source>Install a checklist form</source>
        <translation>安装督查表</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="251"/>
        <source>Forms (*.toml);;All files (*)</source>
        <translation>督查表 (*.toml);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="264"/>
        <source>Form not installed</source>
        <translation>督查表未安装</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="269"/>
        <source>Form installed</source>
        <translation>督查表已安装</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="270"/>
        <source>{0}: ok — {1} {2}, {3} sections, {4} items, {5:g} points</source>
        <translation>{0}：检查通过 — {1} {2}，{3} 个部分，{4} 项，共 {5:g} 分</translation>
    </message>
</context>
<context>
    <name>SheetErrorsDialog</name>
    <message>
        <location filename="../../ui/self_assessment.py" line="65"/>
        <source>Self-assessment sheets not imported</source>
        <translation>自评表未导入</translation>
    </message>
    <message>
        <location filename="../../ui/self_assessment.py" line="69"/>
        <source>{0} problem(s) found; nothing was imported. Correct the sheets and import them again.</source>
        <translation>发现 {0} 处问题，未导入任何内容。请改正自评表后重新导入。</translation>
    </message>
    <message>
        <location filename="../../ui/self_assessment.py" line="80"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>StackedBars</name>
    <message>
        <location filename="../../ui/trend_chart.py" line="249"/>
        <source>{0}★</source>
        <translation>{0}星</translation>
    </message>
</context>
<context>
    <name>TownshipPage</name>
    <message>
        <location filename="../../ui/township_page.py" line="111"/>
        <source>Sections (filled by all laptops)</source>
        <translation>各部分填写情况（汇总所有电脑）</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="114"/>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="114"/>
        <source>Answered</source>
        <translation>已评</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="114"/>
        <source>Score</source>
        <translation>得分率</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="114"/>
        <source>Filled</source>
        <translation>填写情况</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="124"/>
        <location filename="../../ui/township_page.py" line="148"/>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="124"/>
        <location filename="../../ui/township_page.py" line="149"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="124"/>
        <location filename="../../ui/township_page.py" line="137"/>
        <location filename="../../ui/township_page.py" line="150"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="124"/>
        <location filename="../../ui/township_page.py" line="151"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="129"/>
        <source>Open in the problem list</source>
        <translation>在问题清单中查看</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="137"/>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="137"/>
        <source>Issued</source>
        <translation>下发日期</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="137"/>
        <source>Problems</source>
        <translation>问题数</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="144"/>
        <source>Problems to verify in this follow-up round</source>
        <translation>本轮回头看需核查的问题</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="152"/>
        <source>Verdict</source>
        <translation>核查结论</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="238"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="253"/>
        <source>Choose a township on the left.</source>
        <translation>请在左侧选择一个乡镇（街道）。</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="256"/>
        <source>There is no campaign yet: create one (Inspection → New campaign…) or import a bundle from headquarters (File → Import bundle…).</source>
        <translation>还没有督查批次：请新建（督查 → 新建督查批次…），或导入市委组织部下发的数据包（文件 → 导入数据包…）。</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="320"/>
        <source>Follow-up round: {0} of {1} checked</source>
        <translation>回头看：{1} 个问题已核查 {0} 个</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="331"/>
        <source>verified</source>
        <translation>整改到位</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="332"/>
        <source>partly rectified</source>
        <translation>部分整改</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="333"/>
        <source>not rectified</source>
        <translation>未整改</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="353"/>
        <source>Not inspected yet in this campaign.</source>
        <translation>本批次尚未督查。</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="355"/>
        <source>Start inspection</source>
        <translation>开始督查</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="360"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="360"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="361"/>
        <source>Status: {0}</source>
        <translation>状态：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="363"/>
        <source>inspected on {0}</source>
        <translation>督查日期 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="367"/>
        <source>finished {0}</source>
        <translation>完成于 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="473"/>
        <source>This follow-up round only verifies the earlier round&apos;s problems: it has no checklist. Give each problem its verdict in the problem list.</source>
        <translation>本轮回头看只核查上一轮问题的整改情况，没有督查表。请在问题清单中逐项给出核查结论。</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="323"/>
        <location filename="../../ui/township_page.py" line="369"/>
        <source>Open checklist</source>
        <translation>打开督查表</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="370"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="370"/>
        <source>Finish inspection</source>
        <translation>完成督查</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="381"/>
        <source>veto failed: {0}</source>
        <translation>一票否决：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="385"/>
        <source>Total &lt;b&gt;{0:.1f}&lt;/b&gt;  &lt;span style=&apos;color:#d4ac0d&apos;&gt;{1}&lt;/span&gt;  ({2}/{3} items answered)</source>
        <translation>总分 &lt;b&gt;{0:.1f}&lt;/b&gt;  &lt;span style=&apos;color:#d4ac0d&apos;&gt;{1}&lt;/span&gt;（已评 {2}/{3} 项）</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="393"/>
        <source>Provisional: not ranked until every item is answered.</source>
        <translation>暂评：所有条目答完后才参加排名。</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="406"/>
        <source>Complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="408"/>
        <source>Partly</source>
        <translation>部分完成</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="410"/>
        <source>Not yet</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="429"/>
        <source>Problems: {0} open, {1} overdue, {2} in all</source>
        <translation>问题：未销号 {0} 个，逾期 {1} 个，共 {2} 个</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="432"/>
        <source>, {0} due soon</source>
        <translation>，{0} 个临期</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="456"/>
        <source>Rectification notices: {0}</source>
        <translation>整改通知书：{0} 份</translation>
    </message>
    <message>
        <location filename="../../ui/township_page.py" line="463"/>
        <source>{0} (voided)</source>
        <translation>{0}（已作废）</translation>
    </message>
</context>
<context>
    <name>TownshipTree</name>
    <message>
        <location filename="../../ui/township_tree.py" line="410"/>
        <location filename="../../ui/township_tree.py" line="462"/>
        <source>Find a township…</source>
        <translation>查找乡镇（街道）…</translation>
    </message>
    <message>
        <location filename="../../ui/township_tree.py" line="460"/>
        <source>Find a project site…</source>
        <translation>查找项目…</translation>
    </message>
</context>
<context>
    <name>TownshipTreeModel</name>
    <message>
        <location filename="../../ui/township_tree.py" line="56"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="145"/>
        <location filename="../../ui/township_tree.py" line="57"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts_dialog.py" line="147"/>
        <location filename="../../ui/township_tree.py" line="58"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/township_tree.py" line="264"/>
        <source>Project site</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/township_tree.py" line="266"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/township_tree.py" line="267"/>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <location filename="../../ui/township_tree.py" line="268"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/township_tree.py" line="269"/>
        <source>Open</source>
        <translation>未销号</translation>
    </message>
    <message>
        <location filename="../../ui/township_tree.py" line="270"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/township_tree.py" line="306"/>
        <source>{0}/{1} finished</source>
        <translation>已完成 {0}/{1}</translation>
    </message>
    <message>
        <location filename="../../ui/township_tree.py" line="326"/>
        <source>{0} {1}/{2}</source>
        <translation>{0} {1}/{2}</translation>
    </message>
    <message>
        <location filename="../../ui/township_tree.py" line="339"/>
        <source>{0}: {1} of {2} problems checked in this follow-up round</source>
        <translation>{0}：本轮回头看 {2} 个问题已核查 {1} 个</translation>
    </message>
    <message>
        <location filename="../../ui/township_tree.py" line="343"/>
        <source>{0}: not inspected yet</source>
        <translation>{0}：尚未督查</translation>
    </message>
    <message>
        <location filename="../../ui/township_tree.py" line="347"/>
        <source>{0}: provisional score {1:.1f}, only {2}/{3} items answered</source>
        <translation>{0}：暂评得分 {1:.1f}，仅答 {2}/{3} 项</translation>
    </message>
    <message>
        <location filename="../../ui/township_tree.py" line="353"/>
        <source>{0}: score {1:.1f}, {2}/{3} items answered</source>
        <translation>{0}：得分 {1:.1f}，已评 {2}/{3} 项</translation>
    </message>
    <message>
        <location filename="../../ui/township_tree.py" line="382"/>
        <source>{0}/{1} checked</source>
        <translation>已核查 {0}/{1}</translation>
    </message>
</context>
<context>
    <name>TownshipTrendWidget</name>
    <message>
        <location filename="../../ui/township_trend.py" line="94"/>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <location filename="../../ui/township_trend.py" line="94"/>
        <source>Failed again (屡查屡犯)</source>
        <translation>屡查屡犯事项</translation>
    </message>
    <message>
        <location filename="../../ui/township_trend.py" line="94"/>
        <source>Rounds</source>
        <translation>连续轮次</translation>
    </message>
    <message>
        <location filename="../../ui/township_trend.py" line="118"/>
        <source>Reading the rankings of every campaign…</source>
        <translation>正在读取各批次排名…</translation>
    </message>
    <message>
        <location filename="../../ui/township_trend.py" line="141"/>
        <source>Score over the campaigns</source>
        <translation>历次得分</translation>
    </message>
    <message>
        <location filename="../../ui/township_trend.py" line="148"/>
        <source>No campaign has inspected this township yet.</source>
        <translation>该乡镇（街道）尚无督查记录。</translation>
    </message>
    <message>
        <location filename="../../ui/township_trend.py" line="158"/>
        <source> (still)</source>
        <translation>（至今未改）</translation>
    </message>
    <message>
        <location filename="../../ui/township_trend.py" line="173"/>
        <source>not finished, not ranked</source>
        <translation>督查未完成，不排名</translation>
    </message>
    <message>
        <location filename="../../ui/township_trend.py" line="175"/>
        <source>rank {0} of {1}, {2}</source>
        <translation>第 {0} 名（共 {1} 个），{2}</translation>
    </message>
    <message>
        <location filename="../../ui/township_trend.py" line="176"/>
        <source>{0}. {1}: {2:.1f} {3}, {4}; {5} problems</source>
        <translation>{0}. {1}：{2:.1f} 分 {3}，{4}；问题 {5} 个</translation>
    </message>
    <message>
        <location filename="../../ui/township_trend.py" line="180"/>
        <source>; 约谈</source>
        <translation>；列入约谈</translation>
    </message>
    <message>
        <location filename="../../ui/township_trend.py" line="187"/>
        <source>Across campaigns</source>
        <translation>历次督查</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <location filename="../../ui/trends_view.py" line="43"/>
        <source>Trends across campaigns</source>
        <translation>督查情况趋势</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="49"/>
        <source>All counties</source>
        <translation>全部县区</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="52"/>
        <source>Print report (督查情况趋势分析)…</source>
        <translation>打印趋势分析（督查情况趋势分析）…</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="64"/>
        <source>County:</source>
        <translation>县区：</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="112"/>
        <source>Reading the rankings of every campaign…</source>
        <translation>正在读取各批次排名…</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="119"/>
        <source>Average score</source>
        <translation>平均得分</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="121"/>
        <source>Star distribution</source>
        <translation>星级分布</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="123"/>
        <source>Rectification rate (%)</source>
        <translation>整改率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="127"/>
        <source>约谈 per campaign</source>
        <translation>各批次约谈数</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="138"/>
        <source>{0} campaigns. Latest, {1}: {2} ranked, average {3:.1f}, {4} 约谈.</source>
        <translation>共 {0} 个督查批次。最近一次{1}：评定 {2} 个，平均 {3:.1f} 分，约谈 {4} 个。</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="142"/>
        <source>No campaign has inspected these townships yet.</source>
        <translation>这些乡镇（街道）尚无督查记录。</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="160"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="161"/>
        <source>Campaign</source>
        <translation>督查批次</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="162"/>
        <source>Ranked</source>
        <translation>评定数</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="163"/>
        <source>Average</source>
        <translation>平均分</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="164"/>
        <source>Change</source>
        <translation>较上次</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="165"/>
        <source>{0}★</source>
        <translation>{0}星</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="166"/>
        <source>约谈</source>
        <translation>约谈</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="167"/>
        <source>Problems</source>
        <translation>问题数</translation>
    </message>
    <message>
        <location filename="../../ui/trends_view.py" line="168"/>
        <source>Rectified</source>
        <translation>整改率</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <location filename="../../ui/messages.py" line="70"/>
        <source>open</source>
        <translation>待整改</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="71"/>
        <source>rectifying</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="72"/>
        <source>rectified</source>
        <translation>已整改待验收</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="73"/>
        <source>closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74"/>
        <source>start</source>
        <translation>开始整改</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="75"/>
        <source>rectify</source>
        <translation>整改完成</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="76"/>
        <source>close</source>
        <translation>验收销号</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="77"/>
        <source>reject</source>
        <translation>复查退回</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="78"/>
        <source>Invalid statement</source>
        <translation>无效的语句</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="79"/>
        <source>Expected newline or end of document after a statement</source>
        <translation>语句之后应换行或结束文件</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="80"/>
        <source>Cannot overwrite a value</source>
        <translation>不能重复定义同一个值</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="81"/>
        <source>Expected &apos;]&apos; at the end of a table declaration</source>
        <translation>表头末尾缺少“]”</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="82"/>
        <source>Expected &apos;]]&apos; at the end of an array declaration</source>
        <translation>数组表头末尾缺少“]]”</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="83"/>
        <source>Expected &apos;=&apos; after a key in a key/value pair</source>
        <translation>键名之后缺少“=”</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="84"/>
        <source>Invalid initial character for a key part</source>
        <translation>键名的首字符无效</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="85"/>
        <source>Unclosed array</source>
        <translation>数组没有闭合</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="86"/>
        <source>Unclosed inline table</source>
        <translation>内联表没有闭合</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="87"/>
        <source>Invalid hex value</source>
        <translation>无效的十六进制值</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="88"/>
        <source>Escaped character is not a Unicode scalar value</source>
        <translation>转义字符不是有效的 Unicode 字符</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="89"/>
        <source>Unterminated string</source>
        <translation>字符串没有结束引号</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="90"/>
        <source>Invalid date or datetime</source>
        <translation>无效的日期或时间</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="91"/>
        <source>Invalid value</source>
        <translation>无效的值</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../ui/verdict_buttons.py" line="27"/>
        <source>Meets</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_buttons.py" line="28"/>
        <source>Partly meets</source>
        <translation>基本符合</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_buttons.py" line="29"/>
        <source>Does not meet</source>
        <translation>不符合</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_buttons.py" line="30"/>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>VoidNoticeDialog</name>
    <message>
        <location filename="../../ui/notice_actions.py" line="40"/>
        <source>Void notice {0}</source>
        <translation>作废通知书{0}</translation>
    </message>
    <message>
        <location filename="../../ui/notice_actions.py" line="44"/>
        <source>The notice is kept and shown as voided (作废); its number is never given again. Its problems are freed for a new notice. This cannot be undone.</source>
        <translation>通知书将保留并显示为已作废，其文号不再使用；其问题可列入新的通知书。此操作不能撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/notice_actions.py" line="50"/>
        <source>e.g. the number was also issued by team 2</source>
        <translation>例如：该文号二组也已使用</translation>
    </message>
    <message>
        <location filename="../../ui/notice_actions.py" line="51"/>
        <source>Re-issue its problems with a new number</source>
        <translation>以新文号重新印发其问题</translation>
    </message>
    <message>
        <location filename="../../ui/notice_actions.py" line="54"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../ui/notice_actions.py" line="60"/>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../ui/notice_actions.py" line="172"/>
        <source>Void notice</source>
        <translation>作废通知书</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <location filename="../../ui/worker.py" line="101"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
