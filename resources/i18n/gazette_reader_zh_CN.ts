<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a gazette issue or documents (text or PDF)</source>
        <translation>导入一期公报或单份公文（文本或 PDF）</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print or export to PDF in official-document layout</source>
        <translation>按公文格式打印或导出 PDF</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Issues by &amp;year…</source>
        <translation>各年期数一览(&amp;Y)…</translation>
    </message>
    <message>
        <source>Which numbers of each year are present</source>
        <translation>每年哪些期已入库、哪些缺失</translation>
    </message>
    <message>
        <source>&amp;Remove issue…</source>
        <translation>移除本期(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find in document…</source>
        <translation>在本文中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Search library…</source>
        <translation>全库检索(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Bookmark…</source>
        <translation>添加书签(&amp;B)…</translation>
    </message>
    <message>
        <source>Bookmark the document or the selected passage</source>
        <translation>为本文或所选段落添加书签</translation>
    </message>
    <message>
        <source>Mark as &amp;read</source>
        <translation>圈阅(&amp;R)</translation>
    </message>
    <message>
        <source>Side by &amp;side</source>
        <translation>并排对照(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;wap sides</source>
        <translation>左右互换(&amp;W)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>原始大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reading mode (full screen)</source>
        <translation>阅读模式（全屏）(&amp;R)</translation>
    </message>
    <message>
        <source>Library &amp;tree</source>
        <translation>公报目录树(&amp;T)</translation>
    </message>
    <message>
        <source>Document &amp;facts</source>
        <translation>文件信息(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>书签(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Sepia</source>
        <translation>护眼(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AsOfBar</name>
    <message>
        <source>Status as of</source>
        <translation>时效截至</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
</context>
<context>
    <name>BookmarkEditor</name>
    <message>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Your note (Markdown: **bold**, - lists …)</source>
        <translation>在此写笔记（支持 Markdown：**加粗**、- 列表 …）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Keep the note you have written?</source>
        <translation>保留已写的批注吗？</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>BookmarkModel</name>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>批示</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>In place</source>
        <translation>已定位</translation>
    </message>
    <message>
        <source>Text moved; found again</source>
        <translation>原文位置有变动，已重新定位</translation>
    </message>
    <message>
        <source>Passage no longer found (bookmark kept)</source>
        <translation>原文已找不到（书签保留）</translation>
    </message>
    <message>
        <source>(no tag)</source>
        <translation>（无标签）</translation>
    </message>
    <message>
        <source>Done {0}</source>
        <translation>已办 {0}</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>Whole document</source>
        <translation>全文</translation>
    </message>
    <message>
        <source>[{0}]</source>
        <comment>a bookmark&apos;s type</comment>
        <translation>【{0}】</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between tags</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>BookmarksFeature</name>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Bookmarks are unavailable: {0}</source>
        <translation>书签暂不可用：{0}</translation>
    </message>
    <message>
        <source>User data</source>
        <translation>用户数据</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Export bookmarks…</source>
        <translation>导出书签…</translation>
    </message>
    <message>
        <source>Import bookmarks…</source>
        <translation>导入书签…</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>圈阅</translation>
    </message>
    <message>
        <source>My bookmarks</source>
        <translation>我的书签</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已办</translation>
    </message>
    <message>
        <source>Open again</source>
        <translation>恢复未办</translation>
    </message>
    <message>
        <source>Not in this library</source>
        <translation>不在本库中</translation>
    </message>
    <message>
        <source>Single document</source>
        <translation>单份公文</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between tags</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>[{0}]</source>
        <comment>a bookmark&apos;s type in its tooltip</comment>
        <translation>【{0}】</translation>
    </message>
    <message>
        <source>Bookmark…</source>
        <translation>添加书签…</translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation>编辑笔记…</translation>
    </message>
    <message>
        <source>Delete bookmark</source>
        <translation>删除书签</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>圈阅</translation>
    </message>
    <message>
        <source>Add bookmark</source>
        <translation>添加书签</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space, then save again.</source>
        <translation>磁盘已满：未保存。请腾出空间后再保存。</translation>
    </message>
    <message>
        <source>The data folder is read-only: nothing was saved.</source>
        <translation>数据文件夹只读：未保存。</translation>
    </message>
    <message>
        <source>Nothing was saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <source>The document of this bookmark is not in the library; the bookmark is kept.</source>
        <translation>本书签所在的文件不在库中；书签仍然保留。</translation>
    </message>
    <message>
        <source>Created {0} · changed {1} · {2}</source>
        <translation>创建于 {0} · 修改于 {1} · {2}</translation>
    </message>
    <message>
        <source>Edit bookmark</source>
        <translation>编辑书签</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n bookmark(s)</source>
        <translation>
            <numerusform>删除 %n 条书签</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted. Undo with Ctrl+Z.</source>
        <translation>已删除。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Read mark removed</source>
        <translation>已取消圈阅</translation>
    </message>
    <message>
        <source>Marked as read</source>
        <translation>已圈阅</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>Export bookmarks</source>
        <translation>导出书签</translation>
    </message>
    <message>
        <source>Bookmarks (*.json);;Markdown (*.md);;Web page (*.html)</source>
        <translation>书签文件 (*.json);;Markdown (*.md);;网页 (*.html)</translation>
    </message>
    <message>
        <source>Bookmarks exported to {0}</source>
        <translation>书签已导出到 {0}</translation>
    </message>
    <message>
        <source>Import bookmarks</source>
        <translation>导入书签</translation>
    </message>
    <message>
        <source>Bookmarks (*.json)</source>
        <translation>书签文件 (*.json)</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <source>By issue and document</source>
        <translation>按期次与文件</translation>
    </message>
    <message>
        <source>By tag</source>
        <translation>按标签</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Follow-ups open</source>
        <translation>未办</translation>
    </message>
    <message>
        <source>Follow-ups done</source>
        <translation>已办</translation>
    </message>
    <message>
        <source>Search notes and passages…</source>
        <translation>搜索笔记和摘录…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>CompletenessDialog</name>
    <message>
        <source>Issues by year</source>
        <translation>各年期数一览</translation>
    </message>
    <message>
        <source>No. {0}</source>
        <translation>第{0}期</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}年{1}</translation>
    </message>
    <message>
        <source>Missing: {0}.</source>
        <translation>缺：{0}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Cumulative numbers held by no issue: {0}.</source>
        <translation>以下总期号库中没有：{0}。</translation>
    </message>
    <message>
        <source>No missing issue found among the numbers held; whether more followed the last one is not known.</source>
        <translation>已有各期之间没有缺期；最后一期之后是否还有，无从得知。</translation>
    </message>
    <message>
        <source>No missing issue found.</source>
        <translation>没有缺期。</translation>
    </message>
    <message>
        <source>No issues in the library yet.</source>
        <translation>库中还没有任何一期。</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺</translation>
    </message>
    <message>
        <source>cumulative No. {0}</source>
        <translation>总第{0}期</translation>
    </message>
    <message>
        <source>missing: {0}</source>
        <translation>缺：{0}</translation>
    </message>
    <message>
        <source>no gaps among the numbers held (the year&apos;s last number is not known)</source>
        <translation>已有各期之间无缺号（本年最后一期是第几期尚不可知）</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>齐全</translation>
    </message>
</context>
<context>
    <name>CoreText</name>
    <message>
        <source>en</source>
        <comment>the interface language&apos;s code: zh_CN in Chinese</comment>
        <translation>zh_CN</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this document</source>
        <translation>在本文中查找</translation>
    </message>
    <message>
        <source>Previous (Shift+F3)</source>
        <translation>上一个（Shift+F3）</translation>
    </message>
    <message>
        <source>Next (F3)</source>
        <translation>下一个（F3）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>第 {0} 处，共 {1} 处</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>没有找到</translation>
    </message>
</context>
<context>
    <name>GazetteApp</name>
    <message>
        <source>Not in this library: {0}</source>
        <translation>本库中没有：{0}</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>The interface language changes the next time the reader starts.</source>
        <translation>界面语言将在下次启动阅读器时切换。</translation>
    </message>
    <message>
        <source>About Gazette Reader</source>
        <translation>关于政府公报阅读器</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gazette Reader {0}&lt;/b&gt;&lt;p&gt;Reads government gazettes offline.&lt;/p&gt;&lt;p&gt;Library: {1}&lt;br&gt;{2} issues, {3} documents.&lt;/p&gt;&lt;p&gt;Fonts: Noto CJK and LXGW WenKai (SIL Open Font License).&lt;/p&gt;</source>
        <translation>&lt;b&gt;政府公报阅读器 {0}&lt;/b&gt;&lt;p&gt;离线阅读政府公报。&lt;/p&gt;&lt;p&gt;公报库：{1}&lt;br&gt;共 {2} 期，{3} 件文件。&lt;/p&gt;&lt;p&gt;字体：Noto CJK 与霞鹜文楷（SIL 开放字体许可证）。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>阅读</translation>
    </message>
    <message>
        <source>Choose an issue and a document in the library tree on the left. Bold documents are unread; mark one as read with Ctrl+Shift+R. The Unread button shows only unread documents.</source>
        <translation>在左侧公报目录中选择一期和其中的文件。粗体的文件尚未阅读；按 Ctrl+Shift+R 圈阅即标为已读。“未读”按钮只显示尚未圈阅的文件。</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排阅读</translation>
    </message>
    <message>
        <source>A policy with an official interpretation opens with the interpretation beside it. Clicking a heading in the interpretation brings the part of the policy it explains into view. Swap the sides or turn the split off in the View menu. In a narrow window the reader shows one pane and a button that switches to the interpretation and back.</source>
        <translation>有官方解读的政策打开时，解读并排显示在旁边。点击解读中的小标题，政策中对应的部分随即显示出来。在“视图”菜单中可以交换左右或取消并排。窗口较窄时只显示一栏，并有一个按钮在政策与解读之间切换。</translation>
    </message>
    <message>
        <source>Bookmarks and notes</source>
        <translation>书签与批注</translation>
    </message>
    <message>
        <source>Select a passage and press Ctrl+D to bookmark it with a note, a type (note, instruction, follow-up) and tags; without a selection the whole document is bookmarked. Ctrl+Enter saves the note. A follow-up is ticked done in the bookmarks list, which records the time. The list filters by type and by open or done, and groups by document or by tag.</source>
        <translation>选中一段文字后按 Ctrl+D 加书签，可写批注、选类型（笔记、批示、待办）并加标签；不选文字则为整份文件加书签。Ctrl+Enter 保存批注。待办在书签列表中勾选即为已办，并记下办结时间。书签列表可按类型、未办或已办筛选，按文件或标签分组。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Replace the copy in the library</source>
        <translation>替换库中已有的版本</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <source>Found in {0}:</source>
        <translation>{0} 中的内容：</translation>
    </message>
    <message>
        <source>Keep the library as it is</source>
        <translation>保留库中原有版本</translation>
    </message>
    <message>
        <source>refused: {0}</source>
        <translation>未导入：{0}</translation>
    </message>
    <message>
        <source>{0} was not imported:</source>
        <translation>{0} 未导入：</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Storing {0}…</source>
        <translation>正在存入 {0}…</translation>
    </message>
    <message>
        <source>the library&apos;s copy kept</source>
        <translation>保留库中原有版本</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
</context>
<context>
    <name>ImportFeature</name>
    <message>
        <source>Import a gazette issue or documents</source>
        <translation>导入公报或公文</translation>
    </message>
    <message>
        <source>Gazette text or PDF (*.txt *.pdf);;All files (*)</source>
        <translation>公报文本或 PDF (*.txt *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>This library cannot be changed: {0}
Start the reader without --db to import into your own library.</source>
        <translation>此公报库不能修改：{0}
请不带 --db 启动阅读器，导入到您自己的公报库。</translation>
    </message>
    <message>
        <source>Imported {0}</source>
        <translation>已导入 {0}</translation>
    </message>
    <message>
        <source>Choose an issue (or a document in it) to remove; a single document belongs to no issue.</source>
        <translation>请选择要移除的一期（或其中的文件）；单份公文不属于任何一期。</translation>
    </message>
    <message>
        <source>Remove issue</source>
        <translation>移除本期</translation>
    </message>
    <message>
        <source>Remove {0} {1} from the library?
Your bookmarks on it are kept and come back if you import it again.</source>
        <translation>从库中移除《{0}》{1}？
其中的书签会保留，再次导入本期后自动恢复。</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Note: {0}</source>
        <translation>提示：{0}</translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <source>Interpretation · {0}</source>
        <translation>解读 · {0}</translation>
    </message>
    <message>
        <source>Attachment · {0}</source>
        <translation>附件 · {0}</translation>
    </message>
    <message>
        <source>{0}</source>
        <comment>a year in the library tree</comment>
        <translation>{0}年</translation>
    </message>
    <message>
        <source>Single documents ({0})</source>
        <translation>单份公文（{0}）</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <comment>an issue and its gazette&apos;s name</comment>
        <translation>{0}·{1}</translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n期</numerusform>
        </translation>
    </message>
    <message>
        <source>page {0}</source>
        <translation>第{0}页</translation>
    </message>
    <message>
        <source>Has an official interpretation</source>
        <translation>附有政策解读</translation>
    </message>
    <message>
        <source>Unread (not yet marked as read)</source>
        <translation>未读（尚未圈阅）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Gazette Reader</source>
        <translation>政府公报阅读器</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>公报</translation>
    </message>
    <message>
        <source>Document facts</source>
        <translation>文件信息</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Attached plan</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Policy interpretation</source>
        <translation>政策解读</translation>
    </message>
    <message>
        <source>Personnel notice</source>
        <translation>人事任免</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>批复</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>函</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>令</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Bulletin</source>
        <translation>通报</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>公文</translation>
    </message>
    <message>
        <source>{0} (printed: {1})</source>
        <translation>{0}（印作：{1}）</translation>
    </message>
    <message>
        <source>Single document</source>
        <translation>单份公文</translation>
    </message>
    <message>
        <source>Interpreted by</source>
        <translation>解读单位</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>文种</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Doc. number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>统一编码</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <source>Printed page</source>
        <translation>刊印页码</translation>
    </message>
    <message>
        <source>page {0}</source>
        <translation>第{0}页</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>所属文件</translation>
    </message>
    <message>
        <source>More ({0} in all)</source>
        <translation>更多（共 {0} 条）</translation>
    </message>
    <message>
        <source>Cited by</source>
        <translation>被以下文件引用</translation>
    </message>
    <message>
        <source>Cites (in this library)</source>
        <translation>引用的文件（库中有）</translation>
    </message>
    <message>
        <source>Cited, not in this library</source>
        <translation>引用的文件（库中没有）</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>文本指纹</translation>
    </message>
    <message>
        <source>Import notes</source>
        <translation>导入提示</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>刊物</translation>
    </message>
    <message>
        <source>Supervised by</source>
        <comment>主管 in a masthead</comment>
        <translation>主管</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>来源文件</translation>
    </message>
    <message>
        <source>Sponsored by</source>
        <comment>主办 in a masthead</comment>
        <translation>主办</translation>
    </message>
    <message>
        <source>line {0}: “{1}” ({2})</source>
        <translation>第{0}行：“{1}”（{2}）</translation>
    </message>
    <message>
        <source>Discrepancies found on import</source>
        <translation>导入时发现的不一致</translation>
    </message>
    <message>
        <source>Page furniture removed on import</source>
        <translation>导入时略去的版面文字（不入正文）</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Print and export PDF</source>
        <translation>打印与导出 PDF</translation>
    </message>
    <message>
        <source>What to print</source>
        <translation>打印内容</translation>
    </message>
    <message>
        <source>Current document: %1</source>
        <translation>当前文件：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n picked document(s)</source>
        <translation>
            <numerusform>选中的 %n 篇文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Policy with its interpretation: %1</source>
        <translation>政策及其解读：%1</translation>
    </message>
    <message>
        <source>Bookmarked passages and notes</source>
        <translation>书签摘录与笔记</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Include the interpretation</source>
        <translation>附上政策解读</translation>
    </message>
    <message>
        <source>Add my notes as an appendix</source>
        <translation>附上我的笔记</translation>
    </message>
    <message>
        <source>Double-sided layout (binding edge on the right of even pages)</source>
        <translation>双面排版（偶数页装订边在右，打印时默认双面）</translation>
    </message>
    <message>
        <source>All pages; e.g. 1-3,5</source>
        <translation>全部页；例：1-3,5</translation>
    </message>
    <message>
        <source>Page numbers start at 1 for each document</source>
        <translation>每份文件页码从 1 起</translation>
    </message>
    <message>
        <source>Page range:</source>
        <translation>页码范围：</translation>
    </message>
    <message>
        <source>Each document starts on an odd page; a blank page fills the back of a document&apos;s last sheet.</source>
        <translation>每份文件从奇数页开始；文件末页背面留空白页。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Body text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Level 1 heading</source>
        <translation>一级标题</translation>
    </message>
    <message>
        <source>Level 2 heading</source>
        <translation>二级标题</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>XiaoBiaoSong</source>
        <translation>小标宋</translation>
    </message>
    <message>
        <source>FangSong</source>
        <translation>仿宋</translation>
    </message>
    <message>
        <source>HeiTi</source>
        <translation>黑体</translation>
    </message>
    <message>
        <source>KaiTi</source>
        <translation>楷体</translation>
    </message>
    <message>
        <source>SongTi</source>
        <translation>宋体</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Font file…</source>
        <translation>字体文件…</translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation>{0}：</translation>
    </message>
    <message>
        <source>Choose a font file</source>
        <translation>选择字体文件</translation>
    </message>
    <message>
        <source>Fonts (*.ttf *.otf *.ttc *.otc)</source>
        <translation>字体文件 (*.ttf *.otf *.ttc *.otc)</translation>
    </message>
    <message>
        <source>Cannot use %1; the automatic choice applies.</source>
        <translation>无法使用 %1，改用自动选择的字体。</translation>
    </message>
    <message>
        <source>No %1 is installed: %2 stands in.</source>
        <translation>本机没有%1字体，用 %2 代替。</translation>
    </message>
    <message>
        <source>Uses %1.</source>
        <translation>使用 %1。</translation>
    </message>
    <message>
        <source>Reading notes</source>
        <translation>阅读笔记</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting PDF…</source>
        <translation>正在导出 PDF…</translation>
    </message>
    <message>
        <source>%1/%2&#x3000;%3</source>
        <translation>%1/%2&#x3000;%3</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <source>Could not finish: %1</source>
        <translation>未能完成：%1</translation>
    </message>
    <message>
        <source>Cancelled; no unfinished file was left behind.</source>
        <translation>已取消，没有留下未完成的文件。</translation>
    </message>
</context>
<context>
    <name>PrintFeature</name>
    <message>
        <source>Missing characters</source>
        <translation>无法显示的字</translation>
    </message>
</context>
<context>
    <name>PrintRender</name>
    <message>
        <source>Cannot start: the printer or the file is not available</source>
        <translation>无法开始输出：打印机或文件不可用</translation>
    </message>
    <message>
        <source>Cannot start a new page</source>
        <translation>无法开始新的一页</translation>
    </message>
    <message>
        <source>No pages in the chosen page range</source>
        <translation>所选页码范围内没有页面</translation>
    </message>
    <message>
        <source>Nothing to print</source>
        <translation>没有可打印的内容</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>ReadingArea</name>
    <message>
        <source>Policy</source>
        <translation>政策原文</translation>
    </message>
    <message>
        <source>Interpretation</source>
        <translation>政策解读</translation>
    </message>
    <message>
        <source>The window is too narrow for side by side.</source>
        <translation>窗口较窄，暂不并排显示。</translation>
    </message>
    <message>
        <source>Show the interpretation ▸</source>
        <translation>看解读 ▸</translation>
    </message>
    <message>
        <source>◂ Show the policy</source>
        <translation>◂ 看政策原文</translation>
    </message>
    <message>
        <source>Policy · {0}</source>
        <translation>政策原文 · {0}</translation>
    </message>
    <message>
        <source>Interpretation · {0}</source>
        <translation>政策解读 · {0}</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>attached text</source>
        <translation>印发的正文</translation>
    </message>
    <message>
        <source>interpretation</source>
        <translation>解读</translation>
    </message>
    <message>
        <source>appointment</source>
        <translation>任免</translation>
    </message>
    <message>
        <source>opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>批复</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>函</translation>
    </message>
    <message>
        <source>order</source>
        <translation>令</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>bulletin</source>
        <translation>通报</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>same as in the library</source>
        <translation>与库中相同</translation>
    </message>
    <message>
        <source>differs from the library</source>
        <translation>与库中不同</translation>
    </message>
    <message numerus="yes">
        <source>PDF, %n page(s)</source>
        <translation>
            <numerusform>PDF，%n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Import preview: {0} ({1})</source>
        <translation>导入预览：{0}（{1}）</translation>
    </message>
    <message>
        <source>A single document (part of no issue)</source>
        <translation>单份公文（不属于任何一期）</translation>
    </message>
    <message>
        <source>Not yet in the library: importing adds it.</source>
        <translation>库中尚无：导入将新增。</translation>
    </message>
    <message>
        <source>Already in the library as {0} ({1}), identical: nothing to import.</source>
        <translation>库中已有{0}（{1}），内容完全相同：无需再导入。</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n 件相同</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n 件有改动</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n 件新增</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n only in the library</source>
        <translation>
            <numerusform>%n 件库中有而此文件没有</numerusform>
        </translation>
    </message>
    <message>
        <source>Already in the library as {0} ({1}): {2}. Replace it or keep the library&apos;s copy.</source>
        <translation>库中已有{0}（{1}）：{2}。可替换，或保留库中原有版本。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>page {0}</source>
        <translation>第{0}页</translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n 个栏目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 件文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attached text(s)</source>
        <translation>
            <numerusform>%n 件附属正文</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interpretation(s)</source>
        <translation>
            <numerusform>%n 篇解读</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n paired)</source>
        <translation>
            <numerusform>（已配对 %n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>%n 段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Total: {0}; character check {1} (source {2} = stored {3})</source>
        <translation>合计：{0}；字符核对{1}（原文 {2} 字 = 入库 {3} 字）</translation>
    </message>
    <message>
        <source>Other documents in the library with this number: {0}</source>
        <translation>库中另有同文号文件：{0}</translation>
    </message>
    <message>
        <source>Attached: {0} ({1})</source>
        <translation>附：{0}（{1}）</translation>
    </message>
    <message>
        <source>Interpretation: {0} ({1}, {2})</source>
        <translation>解读：{0}（{1}，{2}）</translation>
    </message>
    <message>
        <source>unsigned</source>
        <translation>未署名</translation>
    </message>
    <message>
        <source>Interpretations and the policies they explain:</source>
        <translation>解读与政策的配对：</translation>
    </message>
    <message>
        <source>not paired (listed on its own)</source>
        <translation>未配对（单独列出）</translation>
    </message>
    <message>
        <source>{0} explains 《{1}》 → {2}</source>
        <translation>{0} 解读《{1}》→ {2}</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) from the importer:</source>
        <translation>
            <numerusform>提示（%n 条）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of page furniture left out of the text:</source>
        <translation>
            <numerusform>略去的版面文字（%n 行，不入正文）：</numerusform>
        </translation>
    </message>
    <message>
        <source>line {0}: {1}</source>
        <translation>第{0}行：{1}</translation>
    </message>
    <message>
        <source>imported: {0}</source>
        <translation>已导入：{0}</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>命中 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>the document with this number</source>
        <translation>即此文号的文件</translation>
    </message>
    <message>
        <source>in my notes</source>
        <translation>见于我的笔记</translation>
    </message>
</context>
<context>
    <name>SearchFeature</name>
    <message>
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <source>Search failed: {0}</source>
        <translation>检索失败：{0}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>时效</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策文件</translation>
    </message>
    <message>
        <source>Interpretation</source>
        <translation>政策解读</translation>
    </message>
    <message>
        <source>Personnel</source>
        <translation>人事任免</translation>
    </message>
    <message>
        <source>Words (AND), &quot;phrase&quot;, -exclude, document number or code</source>
        <translation>输入词语（空格表示同时包含）、&quot;短语&quot;、-排除词，或文号、编码</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Only documents I bookmarked</source>
        <translation>只看我加过书签的文件</translation>
    </message>
    <message>
        <source>Only texts in force</source>
        <translation>只看现行有效</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source> · {0:.0f} ms</source>
        <translation> · {0:.0f} 毫秒</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <source>{year}</source>
        <comment>a year in the Year facet</comment>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>StatusFeature</name>
    <message>
        <source>{iso}</source>
        <translation>{y}年{m}月{d}日</translation>
    </message>
    <message>
        <source>Status could not be computed: {0}</source>
        <translation>无法计算时效：{0}</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>时效</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>since {0}</source>
        <translation>自{0}起</translation>
    </message>
    <message>
        <source>in force until {0}</source>
        <translation>有效至{0}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>as of {0}</source>
        <translation>截至{0}</translation>
    </message>
    <message>
        <source> ({0})</source>
        <translation>（{0}）</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <source> (not in this library)</source>
        <translation>（库中没有）</translation>
    </message>
    <message>
        <source>{0}: </source>
        <translation>{0}：</translation>
    </message>
    <message>
        <source>… ({0} in all)</source>
        <translation>…（{0}）</translation>
    </message>
    <message>
        <source>Related documents</source>
        <translation>关联文件</translation>
    </message>
</context>
<context>
    <name>StatusIndicators</name>
    <message>
        <source>Position on the printed form (GB/T 9704: 22 lines of 28 characters a page)</source>
        <translation>在印刷版式中的位置（GB/T 9704：每页22行，每行28字）</translation>
    </message>
    <message>
        <source>Zoom {0}%</source>
        <translation>缩放 {0}%</translation>
    </message>
    <message numerus="yes">
        <source>Hit %n of {0}</source>
        <translation>
            <numerusform>第%n处/共{0}处</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 处命中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search: %n document(s)</source>
        <translation>
            <numerusform>检索到 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>第{0}页/共{1}页</translation>
    </message>
</context>
<context>
    <name>TreeModel</name>
    <message>
        <source>{0} [{1}]</source>
        <translation>{0}〔{1}〕</translation>
    </message>
</context>
<context>
    <name>TreePanel</name>
    <message>
        <source>Filter by title, number or issuer…</source>
        <translation>按标题、文号或发文机关筛选…</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <source>Show only documents not yet marked as read</source>
        <translation>只显示尚未圈阅的文件</translation>
    </message>
</context>
<context>
    <name>Untitled</name>
    <message>
        <source>Untitled: {0}</source>
        <translation>无标题：{0}</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>无标题</translation>
    </message>
</context>
</TS>
