<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>BookmarksFeature</name>
    <message numerus="yes">
        <source>Delete %n bookmark(s)</source>
        <translation>
            <numerusform>Delete %n bookmark</numerusform><numerusform>Delete %n bookmarks</numerusform></translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message numerus="yes">
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n issue</numerusform><numerusform>%n issues</numerusform></translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message numerus="yes">
        <source>%n picked document(s)</source>
        <translation>
            <numerusform>%n picked document</numerusform><numerusform>%n picked documents</numerusform></translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message numerus="yes">
        <source>PDF, %n page(s)</source>
        <translation>
            <numerusform>PDF, %n page</numerusform><numerusform>PDF, %n pages</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unchanged</numerusform><numerusform>%n unchanged</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform><numerusform>%n changed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform><numerusform>%n new</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n only in the library</source>
        <translation>
            <numerusform>%n only in the library</numerusform><numerusform>%n only in the library</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n section</numerusform><numerusform>%n sections</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform><numerusform>%n documents</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n attached text(s)</source>
        <translation>
            <numerusform>%n attached text</numerusform><numerusform>%n attached texts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n interpretation(s)</source>
        <translation>
            <numerusform>%n interpretation</numerusform><numerusform>%n interpretations</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>(%n paired)</source>
        <translation>
            <numerusform>(%n paired)</numerusform><numerusform>(%n paired)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>%n paragraph</numerusform><numerusform>%n paragraphs</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform><numerusform>%n characters</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) from the importer:</source>
        <translation>
            <numerusform>%n note from the importer:</numerusform><numerusform>%n notes from the importer:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of page furniture left out of the text:</source>
        <translation>
            <numerusform>%n line of page furniture left out of the text:</numerusform><numerusform>%n lines of page furniture left out of the text:</numerusform></translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform><numerusform>%n hits</numerusform></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform><numerusform>%n documents</numerusform></translation>
    </message>
</context>
<context>
    <name>StatusIndicators</name>
    <message numerus="yes">
        <source>Hit %n of {0}</source>
        <translation>
            <numerusform>Hit %n of {0}</numerusform><numerusform>Hit %n of {0}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform><numerusform>%n hits</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Search: %n document(s)</source>
        <translation>
            <numerusform>Search: %n document</numerusform><numerusform>Search: %n documents</numerusform></translation>
    </message>
</context>
</TS>