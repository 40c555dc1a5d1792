<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>ActionItems</name>
    <message>
        <source>Change an action item</source>
        <translation>تغيير بند عمل</translation>
    </message>
</context>
<context>
    <name>ActionPanel</name>
    <message>
        <source>Action item:</source>
        <extracomment>Owners are separated by a comma (Latin or Arabic) or a semicolon.</extracomment>
        <translation>بند عمل:</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>المسؤولون</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>أسماء تفصل بينها فواصل</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>الموعد النهائي</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>مُنجز</translation>
    </message>
</context>
<context>
    <name>BodyAids</name>
    <message>
        <source>Footnotes go in the text of a section or session.</source>
        <translation>تُدرَج الحواشي السفلية في نص قسم أو جلسة.</translation>
    </message>
    <message>
        <source>A footnote cannot go in a table: put it in the text before or after the table.</source>
        <translation>لا يمكن وضع حاشية في جدول: ضعها في النص قبل الجدول أو بعده.</translation>
    </message>
    <message>
        <source>This text names Kosovo. EU documents add the standard designation footnote where it is first named.</source>
        <translation>يذكر هذا النص كوسوفو. تُضيف وثائق الاتحاد الأوروبي حاشية التسمية المعتمدة حيث تُذكر أول مرة.</translation>
    </message>
    <message>
        <source>Kosovo is listed. The participants sentence cannot carry a footnote: the editor offers the designation footnote where the text names Kosovo.</source>
        <translation>كوسوفو مُدرجة في القائمة. لا تحمل جملة المشاركين حاشية سفلية، لذا يقترح المحرّر حاشية التسمية حيث يذكر النص كوسوفو.</translation>
    </message>
</context>
<context>
    <name>BodyPanel</name>
    <message>
        <source>Insert the designation footnote</source>
        <extracomment>Mime type naming a fragment copied in a body editor of this process. The last fragment copied or dragged, by token: the system clipboard cannot carry footnote marks. Keys whose handling depends on the paragraph&apos;s kind (bullet levels, new bullets and paragraphs). The signal by which QTextEdit&apos;s text control asks for a rectangle (the cursor&apos;s) to be scrolled into view. Letter probed for the font of a right-to-left body holding no right-to-left letter yet. Family that draws a sample letter, by (font key, letter): probing lays out text. The user asked for undo or redo in the editor (its own history is never used directly). While Track changes is on: the change the user&apos;s edits carry now (who and when); None when off.</extracomment>
        <translation>إدراج حاشية التسمية</translation>
    </message>
</context>
<context>
    <name>ChecksDock</name>
    <message>
        <source>The report has no meeting title</source>
        <translation>التقرير بلا عنوان للاجتماع</translation>
    </message>
    <message>
        <source>Empty heading</source>
        <translation>عنوان قسم فارغ</translation>
    </message>
    <message>
        <source>Empty section</source>
        <translation>قسم فارغ</translation>
    </message>
    <message>
        <source>Empty paragraph</source>
        <translation>فقرة فارغة</translation>
    </message>
    <message>
        <source>Participant without a name</source>
        <translation>مشارك بلا اسم</translation>
    </message>
    <message>
        <source>Participant listed twice</source>
        <translation>مشارك مذكور مرتين</translation>
    </message>
    <message>
        <source>Session without a title</source>
        <translation>جلسة بلا عنوان</translation>
    </message>
    <message>
        <source>Empty session</source>
        <translation>جلسة فارغة</translation>
    </message>
    <message>
        <source>Empty goal</source>
        <translation>هدف فارغ</translation>
    </message>
    <message>
        <source>Footnote referenced nowhere</source>
        <translation>حاشية لا يشير إليها أي موضع</translation>
    </message>
    <message>
        <source>Footnote referenced more than once</source>
        <translation>حاشية يشار إليها أكثر من مرة</translation>
    </message>
    <message>
        <source>Empty footnote</source>
        <translation>حاشية فارغة</translation>
    </message>
    <message>
        <source>Reference to a missing footnote</source>
        <translation>إشارة إلى حاشية غير موجودة</translation>
    </message>
    <message>
        <source>Digits of another system</source>
        <translation>أرقام من نظام آخر</translation>
    </message>
    <message>
        <source>Unbalanced bracket</source>
        <translation>قوس غير متوازن</translation>
    </message>
    <message>
        <source>Brackets in reverse order</source>
        <translation>قوسان بترتيب معكوس</translation>
    </message>
    <message>
        <source>Unbalanced quotation mark</source>
        <translation>علامة تنصيص غير متوازنة</translation>
    </message>
    <message>
        <source>Quotation marks in reverse order</source>
        <translation>علامتا تنصيص بترتيب معكوس</translation>
    </message>
    <message>
        <source>Latin punctuation in Arabic text</source>
        <translation>ترقيم لاتيني في نص عربي</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>التدقيق</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>دقّق مجدداً</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>المشكلة</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>لم يُعثر على مشكلات</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>لا توجد مشكلات</numerusform>
            <numerusform>مشكلة واحدة</numerusform>
            <numerusform>مشكلتان</numerusform>
            <numerusform>%n مشكلات</numerusform>
            <numerusform>%n مشكلة</numerusform>
            <numerusform>%n مشكلة</numerusform>
        </translation>
    </message>
    <message>
        <source>Footnote %1</source>
        <translation>الحاشية %1</translation>
    </message>
    <message>
        <source>Title block</source>
        <translation>ترويسة التقرير</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>القسم %1</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>الجلسة %1</translation>
    </message>
    <message>
        <source>paragraph %1</source>
        <translation>الفقرة %1</translation>
    </message>
    <message>
        <source>participant %1</source>
        <translation>المشارك %1</translation>
    </message>
    <message>
        <source>goal %1</source>
        <translation>الهدف %1</translation>
    </message>
    <message>
        <source>heading</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Action item without an owner</source>
        <translation>بند عمل بلا مسؤول</translation>
    </message>
    <message>
        <source>Open action item past its deadline</source>
        <translation>بند عمل مفتوح تجاوز موعده النهائي</translation>
    </message>
    <message>
        <source>Action item without text</source>
        <translation>بند عمل بلا نص</translation>
    </message>
    <message>
        <source>Empty cell in a table&apos;s header row</source>
        <translation>خلية فارغة في صف عناوين الجدول</translation>
    </message>
</context>
<context>
    <name>CoeditPart</name>
    <message>
        <source>S&amp;hare…</source>
        <translation>م&amp;شاركة…</translation>
    </message>
    <message>
        <source>Put the open report into a room of a relay to write it together</source>
        <translation>وضع التقرير المفتوح في غرفة على خادم الترحيل لكتابته معًا</translation>
    </message>
    <message>
        <source>&amp;Join…</source>
        <translation>الان&amp;ضمام…</translation>
    </message>
    <message>
        <source>Open a shared report from a room of a relay</source>
        <translation>فتح تقرير مشترك من غرفة على خادم الترحيل</translation>
    </message>
    <message>
        <source>&amp;Leave shared room</source>
        <translation>م&amp;غادرة الغرفة المشتركة</translation>
    </message>
    <message>
        <source>The relay refused the token</source>
        <translation>رفض خادم الترحيل رمز الدخول</translation>
    </message>
    <message>
        <source>Cannot reach the relay</source>
        <translation>تعذّر الوصول إلى خادم الترحيل</translation>
    </message>
    <message>
        <source>Replace the room&apos;s report?</source>
        <translation>هل تريد استبدال تقرير الغرفة؟</translation>
    </message>
    <message>
        <source>Room “%1” already holds a report. Replace it with the open report?</source>
        <translation>الغرفة «%1» تحتوي تقريرًا بالفعل. هل تريد استبداله بالتقرير المفتوح؟</translation>
    </message>
    <message>
        <source>What the others type meanwhile is merged into it.</source>
        <translation>ما يكتبه الآخرون في الأثناء يُدمج فيه.</translation>
    </message>
    <message>
        <source>Cannot share the report</source>
        <translation>تعذّرت مشاركة التقرير</translation>
    </message>
    <message>
        <source>Shared into room “%1”. Undo takes back your own edits only.</source>
        <translation>تمت المشاركة في الغرفة «%1». التراجع يلغي تعديلاتك أنت فقط.</translation>
    </message>
    <message>
        <source>Joined room “%1”. Undo takes back your own edits only.</source>
        <translation>تم الانضمام إلى الغرفة «%1». التراجع يلغي تعديلاتك أنت فقط.</translation>
    </message>
    <message>
        <source>You left room “%1”; the report stays open as your own copy, and Undo starts afresh.</source>
        <translation>غادرت الغرفة «%1»؛ يبقى التقرير مفتوحًا كنسختك الخاصة، ويبدأ سجل التراجع من جديد.</translation>
    </message>
    <message>
        <source>The room is empty</source>
        <translation>الغرفة فارغة</translation>
    </message>
    <message>
        <source>No one has shared a report into this room yet.</source>
        <translation>لم يشارك أحد تقريرًا في هذه الغرفة بعد.</translation>
    </message>
    <message>
        <source>Cannot read the room&apos;s report</source>
        <translation>تعذّرت قراءة تقرير الغرفة</translation>
    </message>
    <message>
        <source>%1 (shared)</source>
        <translation>%1 (مشترك)</translation>
    </message>
    <message>
        <source>The room&apos;s report cannot be read: %1</source>
        <translation>لا يمكن قراءة تقرير الغرفة: %1</translation>
    </message>
    <message>
        <source>Someone deleted a paragraph you were typing in: your text was kept as a restored paragraph.</source>
        <translation>حذف شخص آخر فقرة كنت تكتب فيها: احتُفظ بنصك في فقرة مستعادة.</translation>
    </message>
    <message>
        <source>Title block</source>
        <translation>ترويسة التقرير</translation>
    </message>
    <message>
        <source>%1 is here</source>
        <translation>%1 هنا</translation>
    </message>
</context>
<context>
    <name>CommentActions</name>
    <message>
        <source>Select the text to comment on</source>
        <translation>حدّد النص الذي تريد التعليق عليه</translation>
    </message>
    <message>
        <source>New comment on “%1”</source>
        <translation>تعليق جديد على «%1»</translation>
    </message>
    <message>
        <source>Select a comment to reply to</source>
        <translation>اختر تعليقًا للرد عليه</translation>
    </message>
    <message>
        <source>Reply to %1</source>
        <translation>الرد على %1</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>تعليق جديد</translation>
    </message>
    <message>
        <source>Reply to a comment</source>
        <translation>رد على تعليق</translation>
    </message>
    <message>
        <source>The text commented on has changed: select it again</source>
        <translation>تغيّر النص المعلَّق عليه: حدّده من جديد</translation>
    </message>
    <message>
        <source>Select a comment to resolve</source>
        <translation>اختر تعليقًا لحلّه</translation>
    </message>
    <message>
        <source>Reopen the comment</source>
        <translation>إعادة فتح التعليق</translation>
    </message>
    <message>
        <source>Resolve the comment</source>
        <translation>حلّ التعليق</translation>
    </message>
    <message>
        <source>Select a comment to delete</source>
        <translation>اختر تعليقًا لحذفه</translation>
    </message>
    <message>
        <source>Delete the comment</source>
        <translation>حذف التعليق</translation>
    </message>
</context>
<context>
    <name>ComparePart</name>
    <message>
        <source>Co&amp;mpare with…</source>
        <translation>م&amp;قارنة مع…</translation>
    </message>
    <message>
        <source>Compare the open report with an earlier draft: the changes open as a new report to review</source>
        <translation>قارن التقرير المفتوح بمسودة سابقة: تُفتح التغييرات في تقرير جديد للمراجعة</translation>
    </message>
    <message>
        <source>Compare with an earlier draft</source>
        <translation>المقارنة مع مسودة سابقة</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>لا فروق</translation>
    </message>
    <message>
        <source>The open report says the same as “%1”.</source>
        <translation>لا يختلف التقرير المفتوح عن «%1».</translation>
    </message>
    <message>
        <source>%1 compared with %2</source>
        <translation>%1 مقارنةً بـ %2</translation>
    </message>
    <message>
        <source>Compared with “%1”: the changes are listed in the review pane.</source>
        <translation>تمت المقارنة مع «%1»: التغييرات مدرجة في جزء المراجعة.</translation>
    </message>
    <message>
        <source>Cannot read the earlier draft</source>
        <translation>تتعذّر قراءة المسودة السابقة</translation>
    </message>
    <message>
        <source>The open report was not changed.</source>
        <translation>لم يتغيّر التقرير المفتوح.</translation>
    </message>
</context>
<context>
    <name>CountsDialog</name>
    <message>
        <source>Word count</source>
        <translation>عدد الكلمات</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>الجزء</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>الكلمات</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>الأحرف</translation>
    </message>
    <message>
        <source>Without spaces</source>
        <translation>دون المسافات</translation>
    </message>
    <message>
        <source>Title block</source>
        <translation>ترويسة التقرير</translation>
    </message>
    <message>
        <source>Footnotes</source>
        <translation>الحواشي</translation>
    </message>
    <message>
        <source>Whole report</source>
        <translation>التقرير كله</translation>
    </message>
</context>
<context>
    <name>DocumentSession</name>
    <message>
        <source>Open &amp;recent</source>
        <extracomment>How many recent files are remembered without settings. The open report (its ReportDocument) is about to be deleted: whoever holds one of its body documents, cursors or highlighters lets go now. A report is to be shown (the first one too): the window fills its editors from it. Another report was opened or created (the new ReportDocument): autosave follows it. The report was saved to a file (its Path). A message for the status bar and how long it stays (ms). Exports a .pdf chosen in the Word export&apos;s dialog (set by gui/pdf_export.py; None: .docx only).</extracomment>
        <translation>فتح مل&amp;ف حديث</translation>
    </message>
    <message>
        <source>%1 (imported)</source>
        <translation>%1 (مستورد)</translation>
    </message>
    <message>
        <source>Untitled report</source>
        <translation>تقرير بلا عنوان</translation>
    </message>
    <message>
        <source>Cannot use this Word template</source>
        <translation>تعذّر استعمال قالب Word هذا</translation>
    </message>
    <message>
        <source>Open report</source>
        <translation>فتح تقرير</translation>
    </message>
    <message>
        <source>Cannot open the report</source>
        <translation>تعذّر فتح التقرير</translation>
    </message>
    <message>
        <source>Save report as</source>
        <translation>حفظ التقرير باسم</translation>
    </message>
    <message>
        <source>The file changed on disk</source>
        <translation>تغيّر الملف على القرص</translation>
    </message>
    <message>
        <source>“%1” was changed by another program since you opened it. Overwrite it?</source>
        <translation>غيّر برنامج آخر «%1» منذ أن فتحته. هل تريد الكتابة فوقه؟</translation>
    </message>
    <message>
        <source>Choose No and use Save As to keep both versions.</source>
        <translation>اختر «لا» ثم استخدم «حفظ باسم» للاحتفاظ بالنسختين.</translation>
    </message>
    <message>
        <source>Cannot save the report</source>
        <translation>تعذّر حفظ التقرير</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>حُفظ %1</translation>
    </message>
    <message>
        <source>Export to Word</source>
        <translation>تصدير إلى Word</translation>
    </message>
    <message>
        <source>Cannot export the report</source>
        <translation>تعذّر تصدير التقرير</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>لا ملفات حديثة</translation>
    </message>
</context>
<context>
    <name>DocxImport</name>
    <message>
        <source>Reports and Word documents (*.minutes *.docx)</source>
        <translation>التقارير ومستندات Word (*.minutes *.docx)</translation>
    </message>
    <message>
        <source>&amp;Import Word document…</source>
        <translation>&amp;استيراد مستند Word…</translation>
    </message>
    <message>
        <source>Open a .docx draft report as a new report</source>
        <translation>فتح مسودة تقرير بصيغة ‎.docx‎ كتقرير جديد</translation>
    </message>
    <message>
        <source>Import Word document</source>
        <translation>استيراد مستند Word</translation>
    </message>
    <message>
        <source>Cannot open the Word document</source>
        <translation>تعذّر فتح مستند Word</translation>
    </message>
    <message>
        <source>The open report was not changed.</source>
        <translation>لم يتغيّر التقرير المفتوح.</translation>
    </message>
    <message>
        <source>Imported “%1” as a new report.</source>
        <translation>استُورد «%1» كتقرير جديد.</translation>
    </message>
    <message>
        <source>Notes on the imported document</source>
        <translation>ملاحظات على المستند المستورد</translation>
    </message>
    <message>
        <source>“%1” was opened as a new report. Check these points against the Word document: they were kept as text, moved or left out.</source>
        <translation>فُتح «%1» كتقرير جديد. راجع هذه النقاط مقابل مستند Word: فقد حُفظت نصًّا أو نُقلت أو تُركت.</translation>
    </message>
    <message>
        <source>&amp;Copy the list</source>
        <translation>&amp;نسخ القائمة</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Writing the Word document…</source>
        <translation>كتابة مستند Word…</translation>
    </message>
    <message>
        <source>Converting to PDF with LibreOffice…</source>
        <translation>التحويل إلى PDF باستخدام LibreOffice…</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>كتابة ملف PDF…</translation>
    </message>
</context>
<context>
    <name>FileErrors</name>
    <message>
        <source>{file}: {detail}</source>
        <extracomment>{file} is the file&apos;s name, {detail} what is wrong with it (one of the messages below).</extracomment>
        <translation>الملف «{file}»: {detail}</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>الملف غير موجود</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>الملف فارغ</translation>
    </message>
    <message>
        <source>you do not have permission to read this file</source>
        <translation>ليس لديك إذن بقراءة هذا الملف</translation>
    </message>
    <message>
        <source>this is a folder, not a .docx document</source>
        <translation>هذا مجلد وليس مستند Word بصيغة docx</translation>
    </message>
    <message>
        <source>the file cannot be read ({reason})</source>
        <extracomment>{reason} is the system&apos;s own English description of the failure.</extracomment>
        <translation>تعذّرت قراءة الملف (الرسالة الأصلية بالإنجليزية: {reason})</translation>
    </message>
    <message>
        <source>this is {what}, not a Word .docx document</source>
        <extracomment>{what} is one of the kinds of file below.</extracomment>
        <translation>هذا {what} وليس مستند Word بصيغة docx</translation>
    </message>
    <message>
        <source>a PDF file</source>
        <translation>ملف PDF</translation>
    </message>
    <message>
        <source>an RTF document (save it from Word as .docx)</source>
        <translation>مستند RTF (احفظه من Word بصيغة docx)</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>أرشيف gzip</translation>
    </message>
    <message>
        <source>a RAR archive</source>
        <translation>أرشيف RAR</translation>
    </message>
    <message>
        <source>a 7-Zip archive</source>
        <translation>أرشيف 7-Zip</translation>
    </message>
    <message>
        <source>this is {kind}, not a .docx document (save it from Word as .docx)</source>
        <extracomment>{kind} is one of the two kinds of file below.</extracomment>
        <translation>هذا {kind} وليس مستند docx (احفظه من Word بصيغة docx)</translation>
    </message>
    <message>
        <source>a Word 2003 XML or HTML file</source>
        <translation>ملف XML من Word 2003 أو ملف HTML</translation>
    </message>
    <message>
        <source>an XML or HTML file</source>
        <translation>ملف XML أو HTML</translation>
    </message>
    <message>
        <source>this is not a Word .docx document (it is not a zip archive)</source>
        <translation>هذا ليس مستند Word بصيغة docx (فهو ليس أرشيف zip)</translation>
    </message>
    <message>
        <source>the document is protected by a password; open it in Word, remove the password (File &gt; Info &gt; Protect Document) and save it again</source>
        <translation>المستند محميّ بكلمة مرور؛ افتحه في Word وأزِل كلمة المرور (ملف &gt; معلومات &gt; حماية المستند) ثم احفظه من جديد</translation>
    </message>
    <message>
        <source>this is an old Word 97-2003 document (.doc); open it in Word or LibreOffice and save it as .docx</source>
        <translation>هذا مستند Word قديم من إصدارات 97-2003 بصيغة doc؛ افتحه في Word أو LibreOffice واحفظه بصيغة docx</translation>
    </message>
    <message>
        <source>this is an old Microsoft Office binary file (OLE), not a .docx document; save it as .docx</source>
        <translation>هذا ملف ثنائي قديم من ملفات Microsoft Office بصيغة OLE، وليس مستند docx؛ احفظه بصيغة docx</translation>
    </message>
    <message>
        <source>this is an OpenDocument file ({kind}), not a Word .docx document</source>
        <extracomment>{kind} is the file&apos;s own media type, as application/vnd.oasis.opendocument.spreadsheet.</extracomment>
        <translation>هذا ملف OpenDocument من نوع {kind}، وليس مستند Word بصيغة docx</translation>
    </message>
    <message>
        <source>this is an OpenDocument text (.odt), not a .docx; save it from LibreOffice as Word .docx</source>
        <translation>هذا مستند نصّي بصيغة OpenDocument (odt) وليس مستند docx؛ احفظه من LibreOffice بصيغة docx الخاصة ببرنامج Word</translation>
    </message>
    <message>
        <source>this is an Excel workbook, not a Word .docx document</source>
        <translation>هذا مصنَّف Excel وليس مستند Word بصيغة docx</translation>
    </message>
    <message>
        <source>this is a PowerPoint presentation, not a Word .docx document</source>
        <translation>هذا عرض تقديمي من PowerPoint وليس مستند Word بصيغة docx</translation>
    </message>
    <message>
        <source>this zip archive holds no Word document (no main document part)</source>
        <translation>لا يحوي أرشيف zip هذا أي مستند Word (ليس فيه جزء المستند الرئيسي)</translation>
    </message>
    <message>
        <source>the file is {size} MB, larger than the {limit} MB a report can be</source>
        <translation>حجم الملف {size} ميغابايت، وهو أكبر من الحد الذي يمكن أن يبلغه تقرير ({limit} ميغابايت)</translation>
    </message>
    <message>
        <source>the archive lists {count} parts, more than the {limit} allowed</source>
        <translation>عدد الأجزاء المدرجة في الأرشيف {count}، وهو أكثر من الحد المسموح به ({limit})</translation>
    </message>
    <message>
        <source>part {part} uses a compression method Word never writes ({method})</source>
        <extracomment>{method} is the zip compression method&apos;s number.</extracomment>
        <translation>يستخدم الجزء {part} طريقة ضغط لا يكتبها Word أبدًا (الطريقة رقم {method})</translation>
    </message>
    <message>
        <source>part {part} would expand to {size} MB, more than the {limit} MB allowed (a zip bomb?)</source>
        <translation>سيتمدد الجزء {part} عند فك ضغطه إلى {size} ميغابايت، وهذا أكثر من الحد المسموح به ({limit} ميغابايت)؛ قد يكون قنبلة ضغط (zip bomb)</translation>
    </message>
    <message>
        <source>the archive would expand to more than {limit} MB (a zip bomb?)</source>
        <translation>سيتمدد الأرشيف عند فك ضغطه إلى أكثر من {limit} ميغابايت؛ قد يكون قنبلة ضغط (zip bomb)</translation>
    </message>
    <message>
        <source>part {part} is compressed {ratio} to 1, beyond the {limit} to 1 of real documents (a zip bomb?)</source>
        <translation>نسبة ضغط الجزء {part} تبلغ {ratio} إلى 1، وهي أعلى من نسبة {limit} إلى 1 التي لا تتجاوزها المستندات الحقيقية؛ قد يكون قنبلة ضغط (zip bomb)</translation>
    </message>
    <message>
        <source>part {part} expands beyond its declared size (a zip bomb?)</source>
        <translation>يتمدد الجزء {part} عند فك ضغطه إلى أكثر من حجمه المعلَن؛ قد يكون قنبلة ضغط (zip bomb)</translation>
    </message>
    <message>
        <source>the document expands to more than {limit} MB of text (a zip bomb?)</source>
        <translation>يتمدد نص المستند عند فك ضغطه إلى أكثر من {limit} ميغابايت؛ قد يكون قنبلة ضغط (zip bomb)</translation>
    </message>
    <message>
        <source>part {part} declares a DTD or entities, which Word never writes; refused for safety (entity expansion or external entity attack)</source>
        <translation>يتضمن الجزء {part} تعريف DTD أو كيانات (entities)، وهو ما لا يكتبه Word أبدًا؛ فرُفض حفاظًا على الأمان (هجوم بتوسيع الكيانات أو بالكيانات الخارجية)</translation>
    </message>
    <message>
        <source>part {part} declares a DTD or entities, which Word never writes; refused for safety (entity expansion)</source>
        <translation>يتضمن الجزء {part} تعريف DTD أو كيانات (entities)، وهو ما لا يكتبه Word أبدًا؛ فرُفض حفاظًا على الأمان (هجوم بتوسيع الكيانات)</translation>
    </message>
    <message>
        <source>part {part} declares a DTD or entities, which Word never writes; refused for safety</source>
        <translation>يتضمن الجزء {part} تعريف DTD أو كيانات (entities)، وهو ما لا يكتبه Word أبدًا؛ فرُفض حفاظًا على الأمان</translation>
    </message>
    <message>
        <source>part {part} nests elements too deeply or holds too long a text to be a real document</source>
        <translation>في الجزء {part} عناصر متداخلة بعمق أو نص طويل إلى حدٍّ لا يكون في مستند حقيقي</translation>
    </message>
    <message>
        <source>the document nests its content too deeply</source>
        <translation>محتوى المستند متداخل بعمق أكبر مما ينبغي</translation>
    </message>
    <message>
        <source>the document is too large to open</source>
        <translation>المستند أكبر من أن يُفتح</translation>
    </message>
    <message>
        <source>the file is damaged: not a readable zip archive ({reason})</source>
        <translation>الملف تالف: ليس أرشيف zip مقروءًا (الرسالة الأصلية بالإنجليزية: {reason})</translation>
    </message>
    <message>
        <source>the file is damaged: {reason}</source>
        <translation>الملف تالف (الرسالة الأصلية بالإنجليزية: {reason})</translation>
    </message>
    <message>
        <source>the archive is damaged: part {part} runs past the end of the file</source>
        <translation>الأرشيف تالف: الجزء {part} يمتد إلى ما بعد نهاية الملف</translation>
    </message>
    <message>
        <source>the archive is encrypted (part {part})</source>
        <translation>الأرشيف مشفَّر (الجزء {part})</translation>
    </message>
    <message>
        <source>the document has no part {part}</source>
        <translation>لا يحوي المستند الجزء {part}</translation>
    </message>
    <message>
        <source>part {part} is damaged ({reason})</source>
        <translation>الجزء {part} تالف (الرسالة الأصلية بالإنجليزية: {reason})</translation>
    </message>
    <message>
        <source>part {part} is damaged: {reason}</source>
        <translation>الجزء {part} تالف (الرسالة الأصلية بالإنجليزية: {reason})</translation>
    </message>
    <message>
        <source>part {part} has no body: not a Word document</source>
        <translation>الجزء {part} بلا متن (body)، فليس هذا مستند Word</translation>
    </message>
    <message>
        <source>a relationship points outside the package ({target})</source>
        <extracomment>{target} is the relationship&apos;s target as the file writes it.</extracomment>
        <translation>تشير إحدى العلاقات (relationships) إلى خارج الحزمة: {target}</translation>
    </message>
    <message>
        <source>Minutes Editor could not read this document ({fault}). This is a fault in Minutes Editor: please report it, with the file if you can share it.</source>
        <extracomment>{fault} is Python&apos;s own name and description of the fault, as &quot;KeyError: &apos;x&apos;&quot;.</extracomment>
        <translation>لم يتمكن Minutes Editor من قراءة هذا المستند ({fault}). هذا خلل في Minutes Editor: يُرجى الإبلاغ عنه، مع الملف إن أمكنك مشاركته.</translation>
    </message>
    <message>
        <source>this is a folder, not a report file</source>
        <translation>هذا مجلد وليس ملف تقرير</translation>
    </message>
    <message>
        <source>this is not a regular file</source>
        <translation>هذا ليس ملفًا عاديًا</translation>
    </message>
    <message>
        <source>the file does not exist: a part of its path is a file, not a folder</source>
        <translation>الملف غير موجود: أحد أجزاء مساره ملف وليس مجلدًا</translation>
    </message>
    <message>
        <source>the file cannot be read: {reason}</source>
        <extracomment>{reason} is the system&apos;s own English description of the failure.</extracomment>
        <translation>تعذّرت قراءة الملف (الرسالة الأصلية بالإنجليزية: {reason})</translation>
    </message>
    <message>
        <source>the file is {size} MB, larger than any report can be (the limit is {limit} MB)</source>
        <extracomment>{size} and {limit} are sizes in megabytes.</extracomment>
        <translation>حجم الملف {size} ميغابايت، وهو أكبر مما يمكن أن يكون عليه أي تقرير (الحد {limit} ميغابايت)</translation>
    </message>
    <message>
        <source>not a Minutes Editor file: not UTF-8 text (byte {byte})</source>
        <extracomment>{byte} is the position of the first byte that is not UTF-8.</extracomment>
        <translation>ليس ملفًا من ملفات Minutes Editor: ليس نصًّا بترميز UTF-8 (البايت رقم {byte})</translation>
    </message>
    <message>
        <source>the file is not valid JSON: {reason} at line {line}, column {column}</source>
        <extracomment>{reason} is the JSON parser&apos;s own English message.</extracomment>
        <translation>الملف ليس بصيغة JSON صالحة: في السطر {line}، العمود {column} (رسالة المحلّل بالإنجليزية: {reason})</translation>
    </message>
    <message>
        <source>the file is not valid JSON: {name} is not a JSON value</source>
        <extracomment>{name} is NaN, Infinity or -Infinity.</extracomment>
        <translation>الملف ليس بصيغة JSON صالحة: القيمة {name} ليست من قيم JSON</translation>
    </message>
    <message>
        <source>the file gives the key {key} twice in one object; each field may appear only once</source>
        <extracomment>{key} is the key as the file holds it, quoted.</extracomment>
        <translation>يذكر الملف المفتاح {key} مرتين في كائن واحد؛ ولا يجوز أن يرد كل حقل إلا مرة واحدة</translation>
    </message>
    <message>
        <source>the file is damaged: its lists and objects are nested too deep</source>
        <translation>الملف تالف: قوائمه وكائناته متداخلة بعمق أكبر مما ينبغي</translation>
    </message>
    <message>
        <source>the file holds a number too long to read</source>
        <translation>في الملف عدد أطول من أن يُقرأ</translation>
    </message>
    <message>
        <source>not a Minutes Editor file (no &quot;format&quot;: &quot;{format}&quot;)</source>
        <extracomment>{format} is the format name the file lacks, minutes-editor-report.</extracomment>
        <translation>ليس ملفًا من ملفات Minutes Editor (لا يحوي &quot;format&quot;: &quot;{format}&quot;)</translation>
    </message>
    <message>
        <source>written by a newer Minutes Editor (file format version {version}; this version reads up to {supported}). Update Minutes Editor to open it; the file was not changed.</source>
        <translation>كُتب هذا الملف بإصدار أحدث من Minutes Editor (إصدار صيغة الملف {version}، وهذا الإصدار يقرأ حتى الإصدار {supported}). حدِّث Minutes Editor لتفتحه؛ لم يُغيَّر الملف.</translation>
    </message>
    <message>
        <source>this version of Minutes Editor cannot read format version {version}</source>
        <translation>لا يستطيع هذا الإصدار من Minutes Editor قراءة الإصدار {version} من الصيغة</translation>
    </message>
    <message>
        <source>the file (format version {version}) is damaged and could not be upgraded: {error}</source>
        <extracomment>{error} is Python&apos;s own description of the fault.</extracomment>
        <translation>الملف (الإصدار {version} من الصيغة) تالف وتعذّرت ترقيته (وصف Python للخطأ بالإنجليزية: {error})</translation>
    </message>
    <message>
        <source>upgrading from format version {version} did not give an object</source>
        <translation>لم تُنتج الترقية من الإصدار {version} من الصيغة كائنًا</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <extracomment>{field} is the field&apos;s path in the file, as &quot;sections[3].blocks[2].level&quot;; {problem} one of the messages below.</extracomment>
        <translation>الحقل {field}: {problem}</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>مفقود</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>فارغ</translation>
    </message>
    <message>
        <source>is not a field of this format version</source>
        <translation>ليس من حقول هذا الإصدار من الصيغة</translation>
    </message>
    <message>
        <source>expected an object, found {found}</source>
        <extracomment>{found} is what the file holds: a value as written, or a kind of value (below).</extracomment>
        <translation>المتوقَّع كائن، والموجود {found}</translation>
    </message>
    <message>
        <source>expected a list, found {found}</source>
        <translation>المتوقَّع قائمة، والموجود {found}</translation>
    </message>
    <message>
        <source>expected text, found {found}</source>
        <translation>المتوقَّع نص، والموجود {found}</translation>
    </message>
    <message>
        <source>expected true or false, found {found}</source>
        <translation>المتوقَّع true أو false، والموجود {found}</translation>
    </message>
    <message>
        <source>expected a whole number, found {found}</source>
        <translation>المتوقَّع عدد صحيح، والموجود {found}</translation>
    </message>
    <message>
        <source>{value} is not a format version (a whole number from 1)</source>
        <extracomment>{value} is the value as the file holds it, or a kind of value (below).</extracomment>
        <translation>القيمة {value} ليست إصدار صيغة (عددًا صحيحًا من 1 فصاعدًا)</translation>
    </message>
    <message>
        <source>{value} is not between {low} and {high}</source>
        <translation>القيمة {value} ليست بين {low} و{high}</translation>
    </message>
    <message>
        <source>{value} is not one of {choices}</source>
        <extracomment>{choices} lists the format&apos;s own words for the allowed values.</extracomment>
        <translation>القيمة {value} ليست من القيم المسموح بها: {choices}</translation>
    </message>
    <message>
        <source>{value} is not a BCP 47 language tag such as &quot;ar&quot; or &quot;en-GB&quot;</source>
        <translation>القيمة {value} ليست وسم لغة وفق BCP 47 مثل &quot;ar&quot; أو &quot;en-GB&quot;</translation>
    </message>
    <message>
        <source>is {length} characters long; a language tag has at most {limit} characters</source>
        <extracomment>{length} and {limit} count characters.</extracomment>
        <translation>طوله {length} حرفًا؛ ولا يتجاوز وسم اللغة {limit} حرفًا</translation>
    </message>
    <message>
        <source>{value} is outside the dates a Word document can hold (from {earliest} to {latest}, in UTC)</source>
        <extracomment>{earliest} and {latest} are dates written YYYY-MM-DD.</extracomment>
        <translation>{value} خارج نطاق التواريخ التي يمكن أن يحملها مستند Word (من {earliest} إلى {latest}، بالتوقيت العالمي المنسق)</translation>
    </message>
    <message>
        <source>{value} is not a date written YYYY-MM-DD</source>
        <translation>القيمة {value} ليست تاريخًا مكتوبًا بالشكل YYYY-MM-DD</translation>
    </message>
    <message>
        <source>{value} is not a time written HH:MM or HH:MM:SS</source>
        <translation>القيمة {value} ليست وقتًا مكتوبًا بالشكل HH:MM أو HH:MM:SS</translation>
    </message>
    <message>
        <source>{value} is not a date and time written YYYY-MM-DDTHH:MM:SS, with an optional offset</source>
        <translation>القيمة {value} ليست تاريخًا ووقتًا مكتوبين بالشكل YYYY-MM-DDTHH:MM:SS مع فارق توقيت اختياري</translation>
    </message>
    <message>
        <source>holds {code} at character {position}: half of a UTF-16 surrogate pair on its own, which is not a character</source>
        <extracomment>{code} is the character&apos;s code, as ; {position} counts characters from 0.</extracomment>
        <translation>فيه {code} عند المحرف رقم {position}: نصف زوج بديل (surrogate pair) من UTF-16 وحده، وهذا ليس محرفًا</translation>
    </message>
    <message>
        <source>the first section cannot be a sub-heading (level 2)</source>
        <translation>لا يمكن أن يكون القسم الأول عنوانًا فرعيًا (المستوى 2)</translation>
    </message>
    <message>
        <source>only a participation section lists participants, not {kind}</source>
        <extracomment>{kind} is the format&apos;s word for the section&apos;s kind.</extracomment>
        <translation>لا يسرد المشاركين إلا قسم المشاركة (participation)، وهذا القسم من نوع {kind}</translation>
    </message>
    <message>
        <source>only a discussion section has sessions, not {kind}</source>
        <translation>لا جلسات إلا في قسم النقاش (discussion)، وهذا القسم من نوع {kind}</translation>
    </message>
    <message>
        <source>only a bullet has a level, not a {kind}</source>
        <extracomment>{kind} is the format&apos;s word for the block&apos;s type (paragraph, label).</extracomment>
        <translation>لا مستوى إلا للنقطة (bullet)، وهذه الكتلة من نوع {kind}</translation>
    </message>
    <message>
        <source>a footnote cannot reference another footnote</source>
        <translation>لا يمكن أن تشير حاشية إلى حاشية أخرى</translation>
    </message>
    <message>
        <source>only a table block holds a table, not a {kind}</source>
        <extracomment>{kind} is the format&apos;s word for the block&apos;s type (paragraph, bullet, label, action, table).</extracomment>
        <translation>لا يحمل جدولًا إلا كتلة من نوع الجدول (table)، وهذه الكتلة من نوع {kind}</translation>
    </message>
    <message>
        <source>only an action item has owners, a deadline and a status, not a {kind}</source>
        <translation>لا مسؤولين ولا موعد نهائي ولا حالة إلا لبند العمل (action)، وهذه الكتلة من نوع {kind}</translation>
    </message>
    <message>
        <source>a table has no text of its own: its cells hold it</source>
        <translation>لا نص للجدول نفسه: خلاياه تحمل نصه</translation>
    </message>
    <message>
        <source>a table has no pending change of type</source>
        <translation>لا يحمل الجدول تغييرًا معلّقًا في النوع</translation>
    </message>
    <message>
        <source>a table has 1 to {limit} rows, not {count}</source>
        <extracomment>{count} is how many the file holds, {limit} the most allowed.</extracomment>
        <translation>للجدول من صف واحد إلى {limit} صفًا، لا {count}</translation>
    </message>
    <message>
        <source>a row of a table has 1 to {limit} cells, not {count}</source>
        <translation>لصف الجدول من خلية واحدة إلى {limit} خلية، لا {count}</translation>
    </message>
    <message>
        <source>has {count} cells where the first row has {first}: every row of a table has as many</source>
        <extracomment>{count} is how many cells this row has, {first} how many the first row has.</extracomment>
        <translation>فيه {count} خلايا والصف الأول فيه {first}: لكل صفوف الجدول العدد نفسه من الخلايا</translation>
    </message>
    <message>
        <source>a table cell cannot reference a footnote</source>
        <translation>لا يمكن أن تشير خلية جدول إلى حاشية</translation>
    </message>
    <message>
        <source>text in a table cell has no pending change of its own: a reviewer proposes the whole table</source>
        <translation>لا يحمل نص خلية الجدول تغييرًا معلّقًا خاصًا به: يقترح المراجع الجدول كله</translation>
    </message>
    <message>
        <source>{value} is not a name: not empty, with no spaces at either end</source>
        <extracomment>{value} is the owner&apos;s name as the file holds it, quoted.</extracomment>
        <translation>{value} ليس اسمًا: لا يكون فارغًا ولا تحيط به مسافات</translation>
    </message>
    <message>
        <source>{value} is already an owner of this action item</source>
        <translation>{value} مسؤول عن بند العمل هذا من قبل</translation>
    </message>
    <message>
        <source>{id} is already the id of {other}</source>
        <extracomment>{id} is an id as the file holds it (a footnote&apos;s, a part&apos;s, a comment&apos;s); {other} the path of its first holder.</extracomment>
        <translation>المعرِّف {id} مستخدم من قبلُ في {other}</translation>
    </message>
    <message>
        <source>no footnote has the id {id}</source>
        <translation>لا توجد حاشية معرِّفها {id}</translation>
    </message>
    <message>
        <source>{value} is not an id: 1 to 64 letters, digits, - or _</source>
        <extracomment>{value} is the id as the file holds it.</extracomment>
        <translation>القيمة {value} ليست معرِّفًا: المعرِّف من 1 إلى 64 حرفًا لاتينيًا أو رقمًا أو - أو _</translation>
    </message>
    <message>
        <source>no comment has the id {id}</source>
        <extracomment>{id} is a comment id as the file holds it.</extracomment>
        <translation>لا يوجد تعليق معرِّفه {id}</translation>
    </message>
    <message>
        <source>a comment cannot answer itself, even through other replies</source>
        <translation>لا يمكن أن يكون التعليق ردًّا على نفسه، ولو عبر ردود أخرى</translation>
    </message>
    <message>
        <source>no {kind} has the id {id}</source>
        <extracomment>{kind} is the format&apos;s word for what the id names (section, session); {id} the id as the file holds it.</extracomment>
        <translation>لا يوجد عنصر من نوع {kind} معرِّفه {id}</translation>
    </message>
    <message>
        <source>a field of the title block has no owner: expected &apos;&apos;, found {value}</source>
        <extracomment>{value} is the owner as the file holds it.</extracomment>
        <translation>ليس لحقول كتلة العنوان مالك: كان المتوقع &apos;&apos; ووُجد {value}</translation>
    </message>
    <message>
        <source>only a comment on a field names an owner</source>
        <translation>لا يذكر المالكَ (owner) إلا تعليقٌ على حقل (field)</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>كائن</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>قائمة</translation>
    </message>
    <message>
        <source>text</source>
        <translation>نص</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>قيمة منطقية (true/false)</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>عدد</translation>
    </message>
    <message>
        <source>a number of more than 60 digits</source>
        <translation>عدد من أكثر من 60 خانة</translation>
    </message>
    <message>
        <source>this Word template cannot be used: {reason}</source>
        <extracomment>{reason} is what is wrong: one of the messages below, or one of the importer&apos;s.</extracomment>
        <translation>لا يمكن استعمال قالب Word هذا: {reason}</translation>
    </message>
    <message>
        <source>the file is {size} MB, larger than the {limit} MB a template can be</source>
        <extracomment>{size} and {limit} are sizes in megabytes.</extracomment>
        <translation>حجم الملف {size} ميغابايت، وهو أكبر من الحد الذي يمكن أن يبلغه قالب ({limit} ميغابايت)</translation>
    </message>
    <message>
        <source>the archive has no [Content_Types].xml, so it is not a Word document</source>
        <translation>لا يحوي الأرشيف الجزء [Content_Types].xml، فهو ليس مستند Word</translation>
    </message>
    <message>
        <source>its main part is {kind}, not a Word document</source>
        <extracomment>{kind} is the main part&apos;s media type as the file declares it.</extracomment>
        <translation>جزؤه الرئيسي من النوع {kind}، وليس مستند Word</translation>
    </message>
    <message>
        <source>part {part} has a style without an id (styleId): &quot;{style}&quot;</source>
        <extracomment>{style} is the style&apos;s name as the file writes it.</extracomment>
        <translation>في الجزء {part} نمط بلا معرّف (styleId): «{style}»</translation>
    </message>
    <message>
        <source>part {part} has an id that is not a whole number: {value}</source>
        <extracomment>{value} is the id as the file writes it.</extracomment>
        <translation>في الجزء {part} معرّف ليس عددًا صحيحًا: {value}</translation>
    </message>
    <message>
        <source>Cannot save: no file name was given. Nothing was written.</source>
        <translation>تعذّر الحفظ: لم يُعطَ اسم للملف. لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Cannot save {file}: {path} is a folder.</source>
        <translation>تعذّر حفظ {file}: {path} مجلد.</translation>
    </message>
    <message>
        <source>Cannot save {file}: the folder {folder} does not exist.</source>
        <translation>تعذّر حفظ {file}: المجلد {folder} غير موجود.</translation>
    </message>
    <message>
        <source>Cannot save {file}: {folder} is a file, not a folder.</source>
        <translation>تعذّر حفظ {file}: {folder} ملف وليس مجلدًا.</translation>
    </message>
    <message>
        <source>Cannot save {file}: {path} is a pipe (FIFO), not a file. Nothing was written.</source>
        <translation>تعذّر حفظ {file}: {path} أنبوب (FIFO) وليس ملفًا. لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Cannot save {file}: {path} is a device, not a file. Nothing was written.</source>
        <translation>تعذّر حفظ {file}: {path} جهاز وليس ملفًا. لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Cannot save {file}: {path} is a socket, not a file. Nothing was written.</source>
        <translation>تعذّر حفظ {file}: {path} مقبس (socket) وليس ملفًا. لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Cannot save {file}: {path} is not a regular file. Nothing was written.</source>
        <translation>تعذّر حفظ {file}: {path} ليس ملفًا عاديًا. لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Cannot save {file}: it is the file being read ({source}). Choose another name for the output; nothing was written.</source>
        <extracomment>{source} is the path of the file the command reads.</extracomment>
        <translation>تعذّر حفظ {file}: إنه الملف الذي تجري قراءته ({source}). اختر اسمًا آخر للناتج؛ لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Cannot save {file}: the file is read-only. Make it writable or choose another name; nothing was written.</source>
        <translation>تعذّر حفظ {file}: الملف للقراءة فقط. اجعله قابلًا للكتابة أو اختر اسمًا آخر؛ لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Cannot save {file}: {reason}.</source>
        <extracomment>{reason} is one of the reasons below, or the system&apos;s own English words.</extracomment>
        <translation>تعذّر حفظ {file}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot save {file} in {folder}: {reason}.</source>
        <translation>تعذّر حفظ {file} في {folder}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot keep the previous version as {file}: {reason}.</source>
        <translation>تعذّر الاحتفاظ بالنسخة السابقة باسم {file}: {reason}.</translation>
    </message>
    <message>
        <source>the file name or its path is too long</source>
        <translation>اسم الملف أو مساره أطول من المسموح</translation>
    </message>
    <message>
        <source>its path goes round a loop of symbolic links</source>
        <translation>مساره يدور في حلقة من الروابط الرمزية</translation>
    </message>
    <message>
        <source>a part of its path is a file, not a folder</source>
        <translation>أحد أجزاء مساره ملف وليس مجلدًا</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>ليس لديك إذن</translation>
    </message>
    <message>
        <source>no space left on device</source>
        <translation>لا توجد مساحة كافية على القرص</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>نفدت الحصة المخصصة لك على القرص</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>القرص للقراءة فقط</translation>
    </message>
    <message>
        <source>input/output error</source>
        <translation>خطأ في القراءة أو الكتابة على القرص</translation>
    </message>
    <message>
        <source>the name holds a character no file name may hold</source>
        <translation>يحتوي الاسم على حرف لا يجوز في أسماء الملفات</translation>
    </message>
    <message>
        <source>Cannot export {file}: PDF export needs LibreOffice, which is not installed. On Debian or Ubuntu install the package libreoffice-writer-nogui; on Windows or macOS install LibreOffice from libreoffice.org. Nothing was written.</source>
        <extracomment>LibreOffice&apos;s PDF export as PDF/A-2b (SelectPdfVersion 2), tagged; JSON filter options need LibreOffice 7.4. Seconds LibreOffice may take for one report (the 3-page example takes 2 to 4 s). How often a running conversion looks whether it was cancelled, in seconds. Where LibreOffice is found when it is not on the PATH.</extracomment>
        <translation>تعذّر تصدير {file}: يتطلّب التصدير إلى PDF برنامج LibreOffice، وهو غير مثبّت. على Debian أو Ubuntu ثبّت الحزمة libreoffice-writer-nogui، وعلى Windows أو macOS ثبّت LibreOffice من libreoffice.org. لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Cannot export {file}: LibreOffice did not finish within {seconds} seconds. Nothing was written.</source>
        <extracomment>{seconds} is the time limit.</extracomment>
        <translation>تعذّر تصدير {file}: لم ينتهِ LibreOffice خلال {seconds} ثانية. لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Cannot export {file}: LibreOffice could not convert the report ({detail}). Nothing was written.</source>
        <extracomment>{detail} is what LibreOffice said, in its own words.</extracomment>
        <translation>تعذّر تصدير {file}: لم يتمكّن LibreOffice من تحويل التقرير ({detail}). لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>The export of {file} was cancelled. Nothing was written.</source>
        <translation>أُلغي تصدير {file}. لم يُكتب شيء.</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <source>Find and replace</source>
        <translation>بحث واستبدال</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;ابحث عن:</translation>
    </message>
    <message>
        <source>Replace &amp;with:</source>
        <translation>استبدل &amp;بـ:</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>طابق حالة الأ&amp;حرف</translation>
    </message>
    <message>
        <source>Whole &amp;words</source>
        <translation>كلمات &amp;كاملة</translation>
    </message>
    <message>
        <source>Regular e&amp;xpression</source>
        <translation>تعبير &amp;نمطي</translation>
    </message>
    <message>
        <source>Ignore &amp;diacritics</source>
        <translation>تجاهل ال&amp;تشكيل</translation>
    </message>
    <message>
        <source>Ignore &amp;kashida</source>
        <translation>تجاهل ال&amp;كشيدة</translation>
    </message>
    <message>
        <source>Ignore &amp;hamza on alef</source>
        <translation>تجاهل &amp;همزة الألف</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>ابحث عن ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>ا&amp;ستبدل</translation>
    </message>
    <message>
        <source>Replace &amp;all</source>
        <translation>استبدل ال&amp;كل</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>لم يُعثر عليه</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>استبدال</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>استبدال الكل</translation>
    </message>
    <message numerus="yes">
        <source>%n replacement(s)</source>
        <translation>
            <numerusform>لم يُستبدل شيء</numerusform>
            <numerusform>استبدال واحد</numerusform>
            <numerusform>استبدالان</numerusform>
            <numerusform>%n استبدالات</numerusform>
            <numerusform>%n استبدالاً</numerusform>
            <numerusform>%n استبدال</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FootnotePanel</name>
    <message>
        <source>Footnotes</source>
        <extracomment>A note&apos;s text was edited: (footnote id, new text). Enter or Escape in a note (its footnote id): go back to the text, after its reference mark.</extracomment>
        <translation>الحواشي السفلية</translation>
    </message>
    <message>
        <source>No footnotes here. Ctrl+Alt+F inserts one at the cursor.</source>
        <translation>لا حواشي هنا. يُدرج Ctrl+Alt+F حاشيةً عند المؤشّر.</translation>
    </message>
</context>
<context>
    <name>ImportNotes</name>
    <message>
        <source>session &quot;{title}&quot;</source>
        <translation>الجلسة «{title}»</translation>
    </message>
    <message>
        <source>section &quot;{heading}&quot;</source>
        <translation>القسم «{heading}»</translation>
    </message>
    <message>
        <source>the untitled section</source>
        <translation>القسم غير المعنون</translation>
    </message>
    <message>
        <source>the title block</source>
        <translation>ترويسة التقرير</translation>
    </message>
    <message>
        <source>a footnote</source>
        <translation>إحدى الحواشي السفلية</translation>
    </message>
    <message>
        <source>The date line &quot;{text}&quot; was read as &quot;{written}&quot;; check the date, times and time zone.</source>
        <translation>قُرئ سطر التاريخ «{text}» على أنه «{written}»؛ تحقّق من التاريخ والأوقات والمنطقة الزمنية.</translation>
    </message>
    <message>
        <source>The line &quot;{text}&quot; could not be read as a date; it was kept as the subtitle.</source>
        <translation>تعذّرت قراءة السطر «{text}» تاريخًا؛ فحُفظ عنوانًا فرعيًا.</translation>
    </message>
    <message>
        <source>The line &quot;{text}&quot; could not be read as a date; it was kept as a paragraph.</source>
        <translation>تعذّرت قراءة السطر «{text}» تاريخًا؛ فحُفظ فقرةً.</translation>
    </message>
    <message>
        <source>Text before the first heading was put in an untitled section.</source>
        <translation>وُضع النص الوارد قبل العنوان الأول في قسم غير معنون.</translation>
    </message>
    <message numerus="yes">
        <source>A table (%n rows) in {place} was kept as text, one paragraph per row.</source>
        <translation>
            <numerusform>حُفظ جدول (بلا صفوف) في {place} نصًّا، لكل صف فقرة.</numerusform>
            <numerusform>حُفظ جدول (صف واحد) في {place} نصًّا، لكل صف فقرة.</numerusform>
            <numerusform>حُفظ جدول (صفّان) في {place} نصًّا، لكل صف فقرة.</numerusform>
            <numerusform>حُفظ جدول (%n صفوف) في {place} نصًّا، لكل صف فقرة.</numerusform>
            <numerusform>حُفظ جدول (%n صفًّا) في {place} نصًّا، لكل صف فقرة.</numerusform>
            <numerusform>حُفظ جدول (%n صف) في {place} نصًّا، لكل صف فقرة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In a table in {place}, %n cell(s) of several paragraphs were joined into one paragraph each.</source>
        <translation>
            <numerusform>في جدول في {place}، لا خلايا ذات عدة فقرات جُمعت فقراتها في فقرة واحدة.</numerusform>
            <numerusform>في جدول في {place}، خلية واحدة ذات عدة فقرات جُمعت فقراتها في فقرة واحدة.</numerusform>
            <numerusform>في جدول في {place}، خليتان ذات عدة فقرات جُمعت فقراتها في فقرة واحدة.</numerusform>
            <numerusform>في جدول في {place}، %n خلايا ذات عدة فقرات جُمعت فقراتها في فقرة واحدة.</numerusform>
            <numerusform>في جدول في {place}، %n خلية ذات عدة فقرات جُمعت فقراتها في فقرة واحدة.</numerusform>
            <numerusform>في جدول في {place}، %n خلية ذات عدة فقرات جُمعت فقراتها في فقرة واحدة.</numerusform>
        </translation>
    </message>
    <message>
        <source>A table in {place} had tracked changes inside it: it was kept twice, as it was (proposed deleted) and as it is with the changes (proposed inserted).</source>
        <translation>في {place} جدول فيه تغييرات متتبَّعة: حُفظ مرتين، كما كان (مقترحًا حذفه) وكما هو بعد التغييرات (مقترحًا إدراجه).</translation>
    </message>
    <message>
        <source>The {field} &quot;{text}&quot; of an action item in {place} could not be read; it was kept in the action&apos;s text.</source>
        <translation>تعذّرت قراءة {field} «{text}» لأحد الإجراءات في {place}؛ فأُبقي في نص الإجراء.</translation>
    </message>
    <message>
        <source>A tracked change of an action item&apos;s owner, deadline or status in {place} was accepted: these hold no pending changes (&quot;{text}&quot;).</source>
        <translation>قُبل تغيير متتبَّع للمسؤول عن أحد الإجراءات أو موعده النهائي أو حالته في {place}: لا تحمل هذه الحقول تغييرات معلّقة («{text}»).</translation>
    </message>
    <message>
        <source>An image &quot;{name}&quot; in {place} was left out: reports hold text only.</source>
        <translation>لم تُستورد الصورة «{name}» الواردة في {place}: لا تحوي التقارير إلا النص.</translation>
    </message>
    <message>
        <source>An image in {place} was left out: reports hold text only.</source>
        <translation>لم تُستورد صورة واردة في {place}: لا تحوي التقارير إلا النص.</translation>
    </message>
    <message>
        <source>A drawing or shape in {place} was left out: reports hold text only.</source>
        <translation>لم يُستورد رسم أو شكل وارد في {place}: لا تحوي التقارير إلا النص.</translation>
    </message>
    <message>
        <source>The text of a text box in {place} was kept as paragraphs where the box stood.</source>
        <translation>حُفظ نص مربع نص في {place} فقراتٍ في موضع المربع.</translation>
    </message>
    <message>
        <source>An embedded object in {place} was left out.</source>
        <translation>لم يُستورد كائن مضمَّن في {place}.</translation>
    </message>
    <message>
        <source>An equation in {place} was kept as plain text: &quot;{text}&quot;</source>
        <translation>حُفظت معادلة في {place} نصًّا عاديًا: «{text}»</translation>
    </message>
    <message>
        <source>Something in {place} was not imported: an embedded document (altChunk) whose content is not imported.</source>
        <translation>لم يُستورد عنصر في {place}: مستند مضمَّن (altChunk) لا يُستورد محتواه.</translation>
    </message>
    <message>
        <source>Something in {place} was not imported: {detail}.</source>
        <extracomment>{detail} is an English description; the importer has no such event today.</extracomment>
        <translation>لم يُستورد عنصر في {place}: {detail}.</translation>
    </message>
    <message>
        <source>A tracked change by {author} in {place} could not be kept as a pending change: {reason}: &quot;{text}&quot;</source>
        <extracomment>{author} is the reviewer&apos;s name as the document gives it; {reason} is one of the reasons below; {text} is the line as it now reads.</extracomment>
        <translation>تعذّر إبقاء تعديل متعقَّب من {author} في {place} معلَّقًا: {reason}: «{text}»</translation>
    </message>
    <message>
        <source>A tracked change in {place} could not be kept as a pending change: {reason}: &quot;{text}&quot;</source>
        <translation>تعذّر إبقاء تعديل متعقَّب في {place} معلَّقًا: {reason}: «{text}»</translation>
    </message>
    <message>
        <source>a report cannot hold a proposed new section or session, so the heading was accepted</source>
        <translation>لا يحمل التقرير قسمًا أو جلسة جديدة مقترَحة، لذا قُبل العنوان</translation>
    </message>
    <message>
        <source>a report cannot hold a proposed removal of a section or session, so the heading was kept</source>
        <translation>لا يحمل التقرير حذفًا مقترَحًا لقسم أو جلسة، لذا أُبقي العنوان</translation>
    </message>
    <message>
        <source>the date line before the change cannot be read as a date, so the change was accepted</source>
        <translation>تعذّرت قراءة سطر التاريخ قبل التعديل تاريخًا، لذا قُبل التعديل</translation>
    </message>
    <message>
        <source>the goals line before the change cannot be read as quoted goals, so the change was accepted</source>
        <translation>تعذّرت قراءة سطر الأهداف قبل التعديل أهدافًا بين علامتي تنصيص، لذا قُبل التعديل</translation>
    </message>
    <message>
        <source>a heading, title or goals line that becomes another kind of line cannot be pending, so the change was accepted</source>
        <translation>لا يبقى معلَّقًا تحويلُ عنوان أو سطر ترويسة أو سطر أهداف إلى نوع آخر من الأسطر، لذا قُبل التعديل</translation>
    </message>
    <message numerus="yes">
        <source>%n endnote(s) became footnotes: the report has footnotes only.</source>
        <translation>
            <numerusform>لم تُحوَّل أي حاشية ختامية إلى حاشية سفلية: لا يضمّ التقرير إلا حواشي سفلية.</numerusform>
            <numerusform>حُوِّلت حاشية ختامية واحدة إلى حاشية سفلية: لا يضمّ التقرير إلا حواشي سفلية.</numerusform>
            <numerusform>حُوِّلت حاشيتان ختاميتان إلى حاشيتين سفليتين: لا يضمّ التقرير إلا حواشي سفلية.</numerusform>
            <numerusform>حُوِّلت %n حواشٍ ختامية إلى حواشٍ سفلية: لا يضمّ التقرير إلا حواشي سفلية.</numerusform>
            <numerusform>حُوِّلت %n حاشيةً ختامية إلى حواشٍ سفلية: لا يضمّ التقرير إلا حواشي سفلية.</numerusform>
            <numerusform>حُوِّلت %n حاشية ختامية إلى حواشٍ سفلية: لا يضمّ التقرير إلا حواشي سفلية.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fields were kept as the text they showed: {fields}.</source>
        <extracomment>{fields} lists Word&apos;s field names with their counts, as &quot;PAGE (1), DATE (2)&quot;.</extracomment>
        <translation>حُفظت الحقول بالنص الذي كانت تعرضه: {fields}.</translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) were kept as text without their addresses: {links}.</source>
        <extracomment>{links} lists the links&apos; texts (at most ten).</extracomment>
        <translation>
            <numerusform>حُفظت الروابط نصًّا دون عناوينها: {links}.</numerusform>
            <numerusform>حُفظ رابط واحد نصًّا دون عنوانه: {links}.</numerusform>
            <numerusform>حُفظ رابطان نصًّا دون عنوانيهما: {links}.</numerusform>
            <numerusform>حُفظت %n روابط نصًّا دون عناوينها: {links}.</numerusform>
            <numerusform>حُفظ %n رابطًا نصًّا دون عناوينها: {links}.</numerusform>
            <numerusform>حُفظ %n رابط نصًّا دون عناوينها: {links}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n numbered list item(s) became bullets: the report&apos;s lists are bulleted.</source>
        <translation>
            <numerusform>لم يتحوّل أي بند مرقَّم إلى نقطة تعداد: قوائم التقرير نقطية.</numerusform>
            <numerusform>تحوّل بند مرقَّم واحد إلى نقطة تعداد: قوائم التقرير نقطية.</numerusform>
            <numerusform>تحوّل بندان مرقَّمان إلى نقطتَي تعداد: قوائم التقرير نقطية.</numerusform>
            <numerusform>تحوّلت %n بنود مرقَّمة إلى نقاط تعداد: قوائم التقرير نقطية.</numerusform>
            <numerusform>تحوّل %n بندًا مرقَّمًا إلى نقاط تعداد: قوائم التقرير نقطية.</numerusform>
            <numerusform>تحوّل %n بند مرقَّم إلى نقاط تعداد: قوائم التقرير نقطية.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n list item(s) deeper than level 3 were put at level 3.</source>
        <translation>
            <numerusform>لا توجد بنود أعمق من المستوى 3.</numerusform>
            <numerusform>وُضع بند واحد أعمق من المستوى 3 في المستوى 3.</numerusform>
            <numerusform>وُضع بندان أعمق من المستوى 3 في المستوى 3.</numerusform>
            <numerusform>وُضعت %n بنود أعمق من المستوى 3 في المستوى 3.</numerusform>
            <numerusform>وُضع %n بندًا أعمق من المستوى 3 في المستوى 3.</numerusform>
            <numerusform>وُضع %n بند أعمق من المستوى 3 في المستوى 3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n heading(s) below the second level became lead-in labels.</source>
        <translation>
            <numerusform>لا توجد عناوين دون المستوى الثاني.</numerusform>
            <numerusform>تحوّل عنوان واحد دون المستوى الثاني إلى عبارة استهلالية.</numerusform>
            <numerusform>تحوّل عنوانان دون المستوى الثاني إلى عبارتين استهلاليتين.</numerusform>
            <numerusform>تحوّلت %n عناوين دون المستوى الثاني إلى عبارات استهلالية.</numerusform>
            <numerusform>تحوّل %n عنوانًا دون المستوى الثاني إلى عبارات استهلالية.</numerusform>
            <numerusform>تحوّل %n عنوان دون المستوى الثاني إلى عبارات استهلالية.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n footnote mark(s) in a heading, title or goals line were moved to the next paragraph.</source>
        <translation>
            <numerusform>لم تُنقل أي علامة حاشية إلى الفقرة التالية.</numerusform>
            <numerusform>نُقلت علامة حاشية واحدة وردت في عنوان أو في العنوان الرئيسي أو في سطر الأهداف إلى الفقرة التالية.</numerusform>
            <numerusform>نُقلت علامتا حاشية وردتا في عنوان أو في العنوان الرئيسي أو في سطر الأهداف إلى الفقرة التالية.</numerusform>
            <numerusform>نُقلت %n علامات حواشٍ وردت في عنوان أو في العنوان الرئيسي أو في سطر الأهداف إلى الفقرة التالية.</numerusform>
            <numerusform>نُقلت %n علامةَ حاشية وردت في عنوان أو في العنوان الرئيسي أو في سطر الأهداف إلى الفقرة التالية.</numerusform>
            <numerusform>نُقلت %n علامة حاشية وردت في عنوان أو في العنوان الرئيسي أو في سطر الأهداف إلى الفقرة التالية.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repeated footnote mark(s) pointed at nothing and were left out.</source>
        <translation>
            <numerusform>لا توجد علامات حواشٍ مكرَّرة لا تشير إلى شيء.</numerusform>
            <numerusform>أُسقطت علامة حاشية مكرَّرة واحدة لا تشير إلى شيء.</numerusform>
            <numerusform>أُسقطت علامتا حاشية مكرَّرتان لا تشيران إلى شيء.</numerusform>
            <numerusform>أُسقطت %n علامات حواشٍ مكرَّرة لا تشير إلى شيء.</numerusform>
            <numerusform>أُسقطت %n علامةَ حاشية مكرَّرة لا تشير إلى شيء.</numerusform>
            <numerusform>أُسقطت %n علامة حاشية مكرَّرة لا تشير إلى شيء.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n footnote mark(s) pointed at a note the document does not have.</source>
        <translation>
            <numerusform>لم تُشر أي علامة حاشية إلى حاشية لا يتضمّنها المستند.</numerusform>
            <numerusform>أشارت علامة حاشية واحدة إلى حاشية لا يتضمّنها المستند.</numerusform>
            <numerusform>أشارت علامتا حاشية إلى حاشية لا يتضمّنها المستند.</numerusform>
            <numerusform>أشارت %n علامات حواشٍ إلى حاشية لا يتضمّنها المستند.</numerusform>
            <numerusform>أشارت %n علامةَ حاشية إلى حاشية لا يتضمّنها المستند.</numerusform>
            <numerusform>أشارت %n علامة حاشية إلى حاشية لا يتضمّنها المستند.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n footnote(s) are not referenced in the text; they were kept.</source>
        <translation>
            <numerusform>لا توجد حواشٍ لا يشير إليها النص.</numerusform>
            <numerusform>حاشية واحدة لا يشير إليها النص، وقد حُفظت.</numerusform>
            <numerusform>حاشيتان لا يشير إليهما النص، وقد حُفظتا.</numerusform>
            <numerusform>%n حواشٍ لا يشير إليها النص، وقد حُفظت.</numerusform>
            <numerusform>%n حاشيةً لا يشير إليها النص، وقد حُفظت.</numerusform>
            <numerusform>%n حاشية لا يشير إليها النص، وقد حُفظت.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note mark(s) inside footnotes were left out.</source>
        <translation>
            <numerusform>لا توجد علامات حواشٍ داخل الحواشي.</numerusform>
            <numerusform>أُسقطت علامة حاشية واحدة وردت داخل الحواشي.</numerusform>
            <numerusform>أُسقطت علامتا حاشية وردتا داخل الحواشي.</numerusform>
            <numerusform>أُسقطت %n علامات حواشٍ وردت داخل الحواشي.</numerusform>
            <numerusform>أُسقطت %n علامةَ حاشية وردت داخل الحواشي.</numerusform>
            <numerusform>أُسقطت %n علامة حاشية وردت داخل الحواشي.</numerusform>
        </translation>
    </message>
    <message>
        <source>The document properties could not be read ({detail}); author and dates are empty.</source>
        <extracomment>{detail} is the XML parser&apos;s English message.</extracomment>
        <translation>تعذّرت قراءة خصائص المستند ({detail})؛ فبقي المؤلف والتواريخ فارغة.</translation>
    </message>
    <message>
        <source>The document&apos;s {field} date {value} is outside the dates a Word document can hold (from {earliest} to {latest}, in UTC); it was left empty.</source>
        <extracomment>{field} is &quot;created&quot; or &quot;modified&quot; (the property&apos;s own name); {value} the date and time as the document has it; {earliest} and {latest} are dates written YYYY-MM-DD.</extracomment>
        <translation>تاريخ {field} في المستند {value} خارج نطاق التواريخ التي يمكن أن يحملها مستند Word (من {earliest} إلى {latest}، بالتوقيت العالمي المنسق)؛ فتُرك فارغًا.</translation>
    </message>
    <message>
        <source>Page header and footer text is not part of a report and was not imported: &quot;{texts}&quot;.</source>
        <extracomment>{texts} lists the texts, each closed and the next opened by the separator below.</extracomment>
        <translation>نص رأس الصفحة وتذييلها ليس جزءًا من التقرير، فلم يُستورد: «{texts}».</translation>
    </message>
    <message>
        <source>&quot;; &quot;</source>
        <extracomment>What separates quoted texts in a note: it closes one text&apos;s quotation mark and opens the next one&apos;s.</extracomment>
        <translation>»؛ «</translation>
    </message>
    <message>
        <source>(a damaged header part, {part})</source>
        <translation>(جزء رأس صفحة تالف، {part})</translation>
    </message>
    <message numerus="yes">
        <source>%n tracked formatting change(s) changed only what a report does not keep (fonts, sizes, colours, spacing); they were left out.</source>
        <translation>
            <numerusform>لم يُترك أي تعديل تنسيق متعقَّب.</numerusform>
            <numerusform>غيّر تعديل تنسيق متعقَّب واحد ما لا يحفظه التقرير فحسب (الخطوط والأحجام والألوان والتباعد)، فلم يُستورد.</numerusform>
            <numerusform>غيّر تعديلا تنسيق متعقَّبان ما لا يحفظه التقرير فحسب (الخطوط والأحجام والألوان والتباعد)، فلم يُستوردا.</numerusform>
            <numerusform>غيّرت %n تعديلات تنسيق متعقَّبة ما لا يحفظه التقرير فحسب (الخطوط والأحجام والألوان والتباعد)، فلم تُستورد.</numerusform>
            <numerusform>غيّر %n تعديلًا تنسيقيًّا متعقَّبًا ما لا يحفظه التقرير فحسب (الخطوط والأحجام والألوان والتباعد)، فلم تُستورد.</numerusform>
            <numerusform>غيّر %n تعديل تنسيق متعقَّب ما لا يحفظه التقرير فحسب (الخطوط والأحجام والألوان والتباعد)، فلم تُستورد.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tracked paragraph break(s) added or removed at a heading, a title-block line, goals or participants were left out: the report keeps those lines apart.</source>
        <translation>
            <numerusform>لم يُترك أي فاصل فقرة متعقَّب.</numerusform>
            <numerusform>لم يُستورد فاصل فقرة متعقَّب واحد أُضيف أو حُذف عند عنوان أو سطر في الترويسة أو سطر الأهداف أو المشاركين: يُبقي التقرير هذه الأسطر منفصلة.</numerusform>
            <numerusform>لم يُستورد فاصلا فقرة متعقَّبان أُضيفا أو حُذفا عند عنوان أو سطر في الترويسة أو سطر الأهداف أو المشاركين: يُبقي التقرير هذه الأسطر منفصلة.</numerusform>
            <numerusform>لم تُستورد %n فواصل فقرات متعقَّبة أُضيفت أو حُذفت عند عنوان أو سطر في الترويسة أو سطر الأهداف أو المشاركين: يُبقي التقرير هذه الأسطر منفصلة.</numerusform>
            <numerusform>لم يُستورد %n فاصلًا متعقَّبًا أُضيف أو حُذف عند عنوان أو سطر في الترويسة أو سطر الأهداف أو المشاركين: يُبقي التقرير هذه الأسطر منفصلة.</numerusform>
            <numerusform>لم يُستورد %n فاصل فقرة متعقَّب أُضيف أو حُذف عند عنوان أو سطر في الترويسة أو سطر الأهداف أو المشاركين: يُبقي التقرير هذه الأسطر منفصلة.</numerusform>
        </translation>
    </message>
    <message>
        <source>(a damaged footer part, {part})</source>
        <translation>(جزء تذييل صفحة تالف، {part})</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>What separates the items of a list inside a note (&quot;PAGE (1), DATE (2)&quot;).</extracomment>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Double-click a paragraph to edit it</source>
        <extracomment>Milliseconds a window that is never painted (hidden, in tests) waits for its after-paint work. Milliseconds after the first paint before that work starts: one frame at 60 Hz, for the painted window to be flushed to the screen before the rest of the window is built. The open report (its ReportDocument) is about to be deleted: whoever holds one of its body documents, cursors or highlighters lets go now. ``store`` is still the closing report&apos;s. The preview was refreshed (tests and benchmarks wait for it). The window has been painted for the first time (before the work that waits for it starts).</extracomment>
        <translation>انقر نقرًا مزدوجًا على فقرة لتحريرها</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>تن&amp;سيق</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>ال&amp;تقرير</translation>
    </message>
    <message>
        <source>Re&amp;view</source>
        <translation>&amp;مراجعة</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>ان&amp;تقال</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>الشريط الرئيسي</translation>
    </message>
    <message>
        <source>Minutes Editor</source>
        <translation>محرّر المحاضر</translation>
    </message>
</context>
<context>
    <name>MainWindowForm</name>
    <message>
        <source>&amp;Outline</source>
        <translation>ال&amp;مخطط</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>الجزء</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>إضافة قسم</translation>
    </message>
    <message>
        <source>Add session</source>
        <translation>إضافة جلسة</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>إلى الأعلى</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>إلى الأسفل</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>المعاينة</translation>
    </message>
</context>
<context>
    <name>NewReportDialog</name>
    <message>
        <source>New report</source>
        <translation>تقرير جديد</translation>
    </message>
    <message>
        <source>Report &amp;language</source>
        <translation>&amp;لغة التقرير</translation>
    </message>
    <message>
        <source>&amp;Sections</source>
        <translation>الأق&amp;سام</translation>
    </message>
    <message>
        <source>Word &amp;template</source>
        <translation>&amp;قالب Word</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;تصفّح…</translation>
    </message>
    <message>
        <source>The usual agenda (objectives, participation, … takeaways)</source>
        <translation>جدول الأعمال المعتاد (الأهداف، والمشاركة، … والمُستخلصات)</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>فارغ</translation>
    </message>
    <message>
        <source>The standard template</source>
        <translation>القالب القياسي</translation>
    </message>
    <message>
        <source>Word template</source>
        <translation>قالب Word</translation>
    </message>
</context>
<context>
    <name>NextReportPart</name>
    <message>
        <source>New report from pre&amp;vious…</source>
        <translation>تقرير جديد من ال&amp;سابق…</translation>
    </message>
    <message>
        <source>Start the next meeting&apos;s report: the previous one&apos;s title, participants and open action items</source>
        <translation>بدء تقرير الاجتماع التالي: عنوان التقرير السابق ومشاركوه وبنود العمل المفتوحة فيه</translation>
    </message>
    <message>
        <source>The previous meeting&apos;s report</source>
        <translation>تقرير الاجتماع السابق</translation>
    </message>
    <message>
        <source>Cannot read the previous report</source>
        <translation>تعذّرت قراءة التقرير السابق</translation>
    </message>
    <message>
        <source>The open report was not changed.</source>
        <translation>لم يتغيّر التقرير المفتوح.</translation>
    </message>
    <message numerus="yes">
        <source>Started from “%1”: %n open action item(s) carried over.</source>
        <translation>
            <numerusform>بُدئ من «%1»: لا بنود عمل مفتوحة لنقلها.</numerusform>
            <numerusform>بُدئ من «%1»: نُقل بند عمل مفتوح واحد.</numerusform>
            <numerusform>بُدئ من «%1»: نُقل بندا عمل مفتوحان.</numerusform>
            <numerusform>بُدئ من «%1»: نُقلت %n بنود عمل مفتوحة.</numerusform>
            <numerusform>بُدئ من «%1»: نُقل %n بندًا من بنود العمل المفتوحة.</numerusform>
            <numerusform>بُدئ من «%1»: نُقل %n بند عمل مفتوح.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outline</name>
    <message>
        <source>Title block</source>
        <extracomment>The selection moved to another part (TitleBlock, Section or Session). A part was dropped elsewhere: (part, new owner: Report or Section, index in the owner&apos;s list).</extracomment>
        <translation>ترويسة التقرير</translation>
    </message>
    <message>
        <source>(untitled session)</source>
        <translation>(جلسة بلا عنوان)</translation>
    </message>
</context>
<context>
    <name>ParticipantPicker</name>
    <message>
        <source>Search countries and organisations, in either script…</source>
        <extracomment>A list of names was pasted (the clipboard&apos;s text). Paste in the list: the clipboard&apos;s text, a list of names to add. The user changed the list: the new participants, in order. Kosovo was added: the window offers the designation footnote.</extracomment>
        <translation>ابحث عن الدول والمنظمات بأيٍّ من الكتابتين…</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>إ&amp;ضافة</translation>
    </message>
    <message>
        <source>Add as &amp;typed</source>
        <translation>إضافة &amp;كما كُتب</translation>
    </message>
    <message>
        <source>&amp;Paste a list</source>
        <translation>&amp;لصق قائمة</translation>
    </message>
    <message>
        <source>Add every name of a list copied from a registration sheet</source>
        <translation>إضافة كل اسم في قائمة منسوخة من كشف التسجيل</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;حذف</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>نقل إلى الأ&amp;على</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>نقل إلى الأ&amp;سفل</translation>
    </message>
    <message>
        <source>Countries and organisations</source>
        <translation>الدول والمنظمات</translation>
    </message>
    <message>
        <source>Participants, in report order (drag to reorder, F2 to rename)</source>
        <translation>المشاركون بترتيب التقرير (اسحب لإعادة الترتيب، وF2 لإعادة التسمية)</translation>
    </message>
    <message>
        <source>%1 is already listed.</source>
        <translation>%1 مُدرَج في القائمة من قبل.</translation>
    </message>
</context>
<context>
    <name>PdfExport</name>
    <message>
        <source>Export to PDF</source>
        <extracomment>How long the status bar says where the PDF went. A stage starts: stages over, stages in all, what it is (in the interface&apos;s language). The PDF is written (its ExportResult). The export failed: the message in the interface&apos;s language. An export finished: the PDF&apos;s path, or None when it failed or was cancelled.</extracomment>
        <translation>تصدير إلى PDF</translation>
    </message>
    <message>
        <source>A PDF export is already running.</source>
        <translation>يجري تصدير إلى PDF بالفعل.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>صُدِّر إلى %1</translation>
    </message>
    <message>
        <source>Cannot export the report to PDF</source>
        <translation>تعذّر تصدير التقرير إلى PDF</translation>
    </message>
</context>
<context>
    <name>PrintPart</name>
    <message>
        <source>Preparing the pages to print…</source>
        <extracomment>The highest resolution a page is drawn at, in dots per inch (a page at 300 dpi takes 35 MB).</extracomment>
        <translation>تجهيز الصفحات للطباعة…</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>تعذّرت الطباعة</translation>
    </message>
    <message>
        <source>Printing needs the Python package pypdfium2, which is not installed.</source>
        <translation>تتطلّب الطباعة حزمة Python المسماة pypdfium2، وهي غير مثبّتة.</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>معاينة الطباعة</translation>
    </message>
</context>
<context>
    <name>QuickInsert</name>
    <message>
        <source>A few letters of a name…</source>
        <extracomment>The user picked a name to insert.</extracomment>
        <translation>بضعة أحرف من اسم…</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Restore unsaved work</source>
        <translation>استعادة العمل غير المحفوظ</translation>
    </message>
    <message>
        <source>Minutes Editor closed before these reports were saved. Restore one to continue where you stopped; your own file changes only when you save.</source>
        <translation>أُغلق محرّر المحاضر قبل أن تُحفظ هذه التقارير. استعِد أحدها لتتابع من حيث توقفت؛ ولن يتغيّر ملفك إلا عندما تحفظه.</translation>
    </message>
    <message>
        <source>It stopped because of an error; the details are in %1.</source>
        <extracomment>Says the last session ended in an error of ours, and where its report is (hidden otherwise).</extracomment>
        <translation>توقّف بسبب خطأ؛ التفاصيل في %1.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>التقرير</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Saved at</source>
        <translation>وقت الحفظ</translation>
    </message>
    <message>
        <source>Untitled report</source>
        <translation>تقرير بلا عنوان</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>لم يُحفظ بعد</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;استعادة</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;حذف</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;ليس الآن</translation>
    </message>
</context>
<context>
    <name>ReportEdits</name>
    <message>
        <source>Meeting objectives</source>
        <extracomment>The kinds of section the &quot;Add a section&quot; menu offers, by their names in it.</extracomment>
        <translation>أهداف الاجتماع</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>المشاركة</translation>
    </message>
    <message>
        <source>Opening remarks</source>
        <translation>ملاحظات افتتاحية</translation>
    </message>
    <message>
        <source>Setting the scene</source>
        <translation>إعداد المشهد</translation>
    </message>
    <message>
        <source>Discussion (with sessions)</source>
        <translation>المناقشة (مع الجلسات)</translation>
    </message>
    <message>
        <source>Key takeaways</source>
        <translation>المُستخلصات الرئيسية</translation>
    </message>
    <message>
        <source>Other section</source>
        <translation>قسم آخر</translation>
    </message>
    <message>
        <source>Add a &amp;section</source>
        <translation>إضافة &amp;قسم</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>تحرير %1</translation>
    </message>
    <message>
        <source>The first section cannot be a sub-heading.</source>
        <translation>لا يجوز أن يكون القسم الأول عنوانًا فرعيًا.</translation>
    </message>
    <message>
        <source>Edit times</source>
        <translation>تحرير الأوقات</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>إضافة قسم</translation>
    </message>
    <message>
        <source>Add session</source>
        <translation>إضافة جلسة</translation>
    </message>
    <message>
        <source>Remove section</source>
        <translation>حذف القسم</translation>
    </message>
    <message>
        <source>Remove session</source>
        <translation>حذف الجلسة</translation>
    </message>
    <message>
        <source>Move session</source>
        <translation>نقل الجلسة</translation>
    </message>
    <message>
        <source>Move section</source>
        <translation>نقل القسم</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <source>Insertion</source>
        <extracomment>Item data: the id of the comment a row shows (a thread&apos;s first comment or a reply). Item data: a row&apos;s whole text (what it shows is cut to the pane&apos;s width). How much of a change&apos;s text or a comment a row shows. First strong isolate and pop directional isolate: each piece of a row keeps its own direction.</extracomment>
        <translation>إدراج</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>نقل</translation>
    </message>
    <message>
        <source>Formatting</source>
        <translation>تنسيق</translation>
    </message>
    <message>
        <source>Field changed</source>
        <translation>تغيير حقل</translation>
    </message>
    <message>
        <source>No place in the text</source>
        <translation>بلا موضع في النص</translation>
    </message>
    <message>
        <source>Footnote %1</source>
        <translation>الحاشية %1</translation>
    </message>
    <message>
        <source>Title block</source>
        <translation>ترويسة التقرير</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>الجلسة %1</translation>
    </message>
    <message>
        <source>Review</source>
        <extracomment>The user moved to a row (the index of its entry): the window shows its place, keeping the focus here. The user activated a row (Enter, double-click): the window goes to its place. The user posted what the composer holds. The user gave the composer up (Escape, Cancel). The user pressed Delete on a row. The user pressed Escape in the list: back to the text.</extracomment>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>Changes and comments</source>
        <translation>التغييرات والتعليقات</translation>
    </message>
    <message>
        <source>Ctrl+Enter posts, Esc cancels</source>
        <translation>Ctrl+Enter للنشر، Esc للإلغاء</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;نشر</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>لا تغييرات</numerusform>
            <numerusform>تغيير واحد</numerusform>
            <numerusform>تغييران</numerusform>
            <numerusform>%n تغييرات</numerusform>
            <numerusform>%n تغييرًا</numerusform>
            <numerusform>%n تغيير</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>لا تعليقات</numerusform>
            <numerusform>تعليق واحد</numerusform>
            <numerusform>تعليقان</numerusform>
            <numerusform>%n تعليقات</numerusform>
            <numerusform>%n تعليقًا</numerusform>
            <numerusform>%n تعليق</numerusform>
        </translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>تعليق</translation>
    </message>
    <message>
        <source>Comment (resolved)</source>
        <translation>تعليق (محلول)</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>رد</translation>
    </message>
    <message>
        <source>Your name as a reviewer</source>
        <translation>اسمك بصفتك مراجِعًا</translation>
    </message>
    <message>
        <source>Your comments and tracked changes will carry this &amp;name:</source>
        <translation>ستحمل تعليقاتك وتغييراتك المتعقَّبة هذا ال&amp;اسم:</translation>
    </message>
</context>
<context>
    <name>ReviewPart</name>
    <message>
        <source>Accept all c&amp;hanges</source>
        <extracomment>Milliseconds the pane waits after the last change before it lists the report again. How long a message of the review stays in the status bar. Where to take the cursor after undo: where the change was. The body documents holding this command&apos;s step, by id of their section or session. Field path -&gt; the entries with a mark there, for following the cursor. The entry the last step went to, and where the cursor was then.</extracomment>
        <translation>قبول &amp;كل التغييرات</translation>
    </message>
    <message>
        <source>Reject all chan&amp;ges</source>
        <translation>رفض كل ال&amp;تغييرات</translation>
    </message>
    <message>
        <source>R&amp;eply to the comment</source>
        <translation>ال&amp;رد على التعليق</translation>
    </message>
    <message>
        <source>Re&amp;solve the comment</source>
        <translation>&amp;حلّ التعليق</translation>
    </message>
    <message>
        <source>&amp;Delete the comment</source>
        <translation>حذ&amp;ف التعليق</translation>
    </message>
    <message>
        <source>Reviewer na&amp;me…</source>
        <translation>اسم ال&amp;مراجِع…</translation>
    </message>
    <message>
        <source>Accept all b&amp;y</source>
        <translation>قبول كل تغييرات مراجِ&amp;ع</translation>
    </message>
    <message>
        <source>Re&amp;ject all by</source>
        <translation>رفض كل تغييرات م&amp;راجِع</translation>
    </message>
    <message>
        <source>No reviewers</source>
        <translation>لا مراجِعين</translation>
    </message>
    <message>
        <source>Re&amp;open the comment</source>
        <translation>إعادة &amp;فتح التعليق</translation>
    </message>
    <message>
        <source>No more changes after this one</source>
        <translation>لا تغييرات بعد هذا</translation>
    </message>
    <message>
        <source>No changes before this one</source>
        <translation>لا تغييرات قبل هذا</translation>
    </message>
    <message>
        <source>There is no change here: go to one with Next change</source>
        <translation>لا تغيير هنا: انتقل إلى تغيير بأمر «التغيير التالي»</translation>
    </message>
    <message>
        <source>Accept the change</source>
        <translation>قبول التغيير</translation>
    </message>
    <message>
        <source>Reject the change</source>
        <translation>رفض التغيير</translation>
    </message>
    <message>
        <source>Accept all changes</source>
        <translation>قبول كل التغييرات</translation>
    </message>
    <message>
        <source>Reject all changes</source>
        <translation>رفض كل التغييرات</translation>
    </message>
    <message>
        <source>Accept all changes by %1</source>
        <translation>قبول كل تغييرات %1</translation>
    </message>
    <message>
        <source>Reject all changes by %1</source>
        <translation>رفض كل تغييرات %1</translation>
    </message>
    <message>
        <source>Nothing to change</source>
        <translation>لا شيء لتغييره</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message>
        <source>Share the report</source>
        <translation>مشاركة التقرير</translation>
    </message>
    <message>
        <source>Join a shared report</source>
        <translation>الانضمام إلى تقرير مشترك</translation>
    </message>
    <message>
        <source>Put the open report into a room of a relay, where others can join and write with you.</source>
        <translation>ضع التقرير المفتوح في غرفة على خادم ترحيل، حيث يمكن للآخرين الانضمام والكتابة معك.</translation>
    </message>
    <message>
        <source>Open the report of a room of a relay and write in it with the others there.</source>
        <translation>افتح تقرير غرفة على خادم ترحيل واكتب فيه مع الموجودين فيها.</translation>
    </message>
    <message>
        <source>&amp;Relay:</source>
        <translation>&amp;خادم الترحيل:</translation>
    </message>
    <message>
        <source>R&amp;oom:</source>
        <translation>ال&amp;غرفة:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;رمز الدخول:</translation>
    </message>
    <message>
        <source>The token is not remembered.</source>
        <translation>لا يُحفظ رمز الدخول.</translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation>م&amp;شاركة</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>ان&amp;ضمام</translation>
    </message>
</context>
<context>
    <name>SectionForm</name>
    <message>
        <source>&amp;Heading</source>
        <translation>&amp;العنوان</translation>
    </message>
    <message>
        <source>Sub-heading without a number, continuing the section before</source>
        <translation>عنوان فرعي بلا رقم، يتابع القسم الذي قبله</translation>
    </message>
</context>
<context>
    <name>SessionForm</name>
    <message>
        <source>Session &amp;title</source>
        <translation>&amp;عنوان الجلسة</translation>
    </message>
    <message>
        <source>&amp;Goals (one a line)</source>
        <translation>الأ&amp;هداف (هدف في كل سطر)</translation>
    </message>
</context>
<context>
    <name>SettingsMenu</name>
    <message>
        <source>&amp;Settings</source>
        <extracomment>The autosave delays the Settings menu offers, in seconds (all keep the 5-second promise).</extracomment>
        <translation>الإع&amp;دادات</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation>&amp;لغة الواجهة</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <source>&amp;Autosave after a pause of</source>
        <translation>ال&amp;حفظ التلقائي بعد توقّف مدته</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>ثانية واحدة</translation>
    </message>
    <message>
        <source>2 seconds</source>
        <translation>ثانيتان</translation>
    </message>
    <message>
        <source>3 seconds</source>
        <translation>3 ثوانٍ</translation>
    </message>
    <message>
        <source>4 seconds</source>
        <translation>4 ثوانٍ</translation>
    </message>
    <message>
        <source>&amp;Recovery folder…</source>
        <translation>&amp;مجلد نسخ الاسترداد…</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <source>The interface will be in the chosen language the next time Minutes Editor starts.</source>
        <translation>ستظهر الواجهة باللغة المختارة في المرة القادمة التي يبدأ فيها محرّر المحاضر.</translation>
    </message>
</context>
<context>
    <name>SharedUndo</name>
    <message>
        <source>The room&apos;s report cannot be read: %1</source>
        <translation>لا يمكن قراءة تقرير الغرفة: %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
</context>
<context>
    <name>SpellingService</name>
    <message>
        <source>No suggestions</source>
        <extracomment>Runs whose misspellings are remembered; past it the memory starts afresh. Milliseconds without a keystroke after which the word being typed is checked.</extracomment>
        <translation>لا اقتراحات</translation>
    </message>
    <message>
        <source>Add to dictionary</source>
        <translation>أضف إلى القاموس</translation>
    </message>
    <message>
        <source>Ignore all</source>
        <translation>تجاهل الكل</translation>
    </message>
</context>
<context>
    <name>TableDialog</name>
    <message>
        <source>Insert a table</source>
        <translation>إدراج جدول</translation>
    </message>
    <message>
        <source>First row is a &amp;header row</source>
        <translation>الصف الأول صف &amp;عناوين</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>ال&amp;صفوف:</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>الأ&amp;عمدة:</translation>
    </message>
</context>
<context>
    <name>TablePart</name>
    <message>
        <source>T&amp;able</source>
        <translation>&amp;جدول</translation>
    </message>
    <message>
        <source>While changes are tracked, select text outside a table or inside one table only</source>
        <translation>أثناء تتبع التغييرات، حدد نصًا خارج الجداول أو داخل جدول واحد فقط</translation>
    </message>
    <message>
        <source>While changes are tracked, only a table you inserted can be edited (turn Track changes off to edit it)</source>
        <translation>أثناء تتبع التغييرات، لا يمكن تعديل إلا جدول أدرجته أنت (أوقف تتبع التغييرات لتعديل هذا الجدول)</translation>
    </message>
    <message>
        <source>A table cannot go inside a table</source>
        <translation>لا يمكن إدراج جدول داخل جدول</translation>
    </message>
</context>
<context>
    <name>TitleBlockForm</name>
    <message>
        <source>Title block</source>
        <translation>ترويسة التقرير</translation>
    </message>
    <message>
        <source>&amp;Meeting</source>
        <translation>الا&amp;جتماع</translation>
    </message>
    <message>
        <source>S&amp;ubtitle</source>
        <translation>العنوان ال&amp;فرعي</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>ال&amp;تاريخ</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>ال&amp;وقت</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>المنطقة ال&amp;زمنية</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>الم&amp;كان</translation>
    </message>
    <message>
        <source>St&amp;atus</source>
        <translation>ال&amp;حالة</translation>
    </message>
    <message>
        <source>As the report writes it</source>
        <translation>كما يكتبها التقرير</translation>
    </message>
</context>
<context>
    <name>TrackChanges</name>
    <message>
        <source>Your changes are tracked</source>
        <extracomment>How long the status bar says that tracking was turned on or off.</extracomment>
        <translation>تغييراتك متعقَّبة</translation>
    </message>
    <message>
        <source>Your changes are no longer tracked</source>
        <translation>لم تعد تغييراتك متعقَّبة</translation>
    </message>
    <message>
        <source>Track changes: on</source>
        <translation>تعقّب التغييرات: مفعّل</translation>
    </message>
    <message>
        <source>Track changes: off (the draft tracks changes: Ctrl+Shift+E)</source>
        <translation>تعقّب التغييرات: معطّل (المسودة تتعقّب التغييرات: Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Track changes: off</source>
        <translation>تعقّب التغييرات: معطّل</translation>
    </message>
    <message>
        <source>Your edits are kept as changes under the name %1 (Ctrl+Shift+E turns it off)</source>
        <translation>تُحفظ تعديلاتك تغييراتٍ باسم %1 (يعطّله Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E keeps your edits as changes under your name</source>
        <translation>يحفظ Ctrl+Shift+E تعديلاتك تغييراتٍ باسمك</translation>
    </message>
</context>
<context>
    <name>WindowAutosave</name>
    <message>
        <source>The recovery copy could not be saved: %1</source>
        <translation>تعذّر حفظ نسخة الاستعادة: %1</translation>
    </message>
</context>
<context>
    <name>WritingAids</name>
    <message>
        <source>Check &amp;spelling as you type</source>
        <translation>دقّق الإ&amp;ملاء أثناء الكتابة</translation>
    </message>
    <message>
        <source>&amp;Word count…</source>
        <translation>&amp;عدد الكلمات…</translation>
    </message>
</context>
<context>
    <name>Zoom</name>
    <message>
        <source>Vie&amp;w</source>
        <extracomment>The zoom levels, in percent.</extracomment>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>Zoom: %1%</source>
        <translation>التكبير: %1%</translation>
    </message>
</context>
<context>
    <name>ask</name>
    <message>
        <source>Minutes Editor reports (*.minutes)</source>
        <translation>تقارير محرّر المحاضر (*.minutes)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>مستندات Word (*.docx)</translation>
    </message>
    <message>
        <source>PDF/A documents (*.pdf)</source>
        <translation>مستندات PDF/A (*.pdf)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing?</source>
        <translation>هل تريد حفظ التغييرات في «%1» قبل الإغلاق؟</translation>
    </message>
    <message>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>ستضيع تغييراتك إن لم تحفظها.</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>اكتمل التصدير</translation>
    </message>
    <message>
        <source>The report was exported to “%1”.</source>
        <translation>صُدِّر التقرير إلى «%1».</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>فتح الملف</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>فتح المجلد</translation>
    </message>
    <message>
        <source>Autosave is off</source>
        <translation>الحفظ التلقائي متوقف</translation>
    </message>
    <message>
        <source>Recovery copies of your work cannot be kept in “%1”, so autosave is off: a crash now would lose what you type.</source>
        <translation>لا يمكن حفظ نسخ الاسترداد من عملك في «%1»، لذا توقف الحفظ التلقائي: إذا تعطل البرنامج الآن فستفقد ما تكتبه.</translation>
    </message>
    <message>
        <source>Choose another folder to turn autosave on again.

%1</source>
        <translation>اختر مجلدًا آخر لإعادة تشغيل الحفظ التلقائي.

%1</translation>
    </message>
    <message>
        <source>Go on without autosave</source>
        <translation>المتابعة دون حفظ تلقائي</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>اختيار مجلد…</translation>
    </message>
    <message>
        <source>Something went wrong inside Minutes Editor (%1).

Everything you typed is safe: it was written to the recovery files in %2. Go on working, or quit: the next time Minutes Editor starts, it offers to restore your report.</source>
        <translation>حدث خطأ داخل محرّر المحاضر (%1).

كل ما كتبته في أمان: كُتب في ملفات الاستعادة في %2. تابع العمل أو اخرج: في المرة القادمة التي يبدأ فيها محرّر المحاضر يعرض عليك استعادة تقريرك.</translation>
    </message>
    <message>
        <source>Minutes Editor met an error</source>
        <translation>واجه محرّر المحاضر خطأً</translation>
    </message>
    <message>
        <source>The details are in %1.</source>
        <translation>التفاصيل في %1.</translation>
    </message>
    <message>
        <source>&amp;Keep working</source>
        <translation>&amp;متابعة العمل</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
</context>
<context>
    <name>bodies</name>
    <message>
        <source>Typing</source>
        <extracomment>The user state of a paragraph not converted since it was made or last edited. What the last flush read, by paragraph mark: the paragraph&apos;s text then and its model block. The tables the last flush read, by id: a table read again equal to its last reading keeps that block. A body&apos;s text changed (every keystroke): listeners only restart timers. Footnote numbers changed: the editors redraw their marks.</extracomment>
        <translation>كتابة</translation>
    </message>
</context>
<context>
    <name>coedit</name>
    <message>
        <source>Room “%1”: online</source>
        <translation>الغرفة «%1»: متصل</translation>
    </message>
    <message>
        <source>Room “%1”: offline since %2, reconnecting…</source>
        <translation>الغرفة «%1»: غير متصل منذ %2، جارٍ إعادة الاتصال…</translation>
    </message>
    <message>
        <source>(your edits are kept and will be sent)</source>
        <translation>(تعديلاتك محفوظة وسترسل)</translation>
    </message>
    <message>
        <source>you (%1)</source>
        <translation>أنت (%1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>preview</name>
    <message>
        <source>The report is empty.</source>
        <extracomment>Milliseconds after the last change before the preview and footnote numbers are refreshed. Drawn where a paragraph&apos;s end is a pending insertion or deletion. Indent per bullet level, in pixels. &quot;inserted&quot;, &quot;deleted&quot;, &quot;format&quot; or &quot;&quot;. Between two cells of a table row in the preview (the row&apos;s block takes the report&apos;s direction).</extracomment>
        <translation>التقرير فارغ.</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <source>Part of the recovery journal could not be read, so the report is restored as it was before that part.

%1</source>
        <translation>تعذّرت قراءة جزء من سجل الاستعادة، فاستُعيد التقرير كما كان قبل ذلك الجزء.

%1</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>Autosave is off: recovery copies cannot be kept in %1.</source>
        <extracomment>Where recovery copies go: as given, else as chosen in the settings, else the default (recovery_dir).</extracomment>
        <translation>الحفظ التلقائي متوقف: لا يمكن حفظ نسخ الاسترداد في %1.</translation>
    </message>
    <message>
        <source>Folder for recovery copies</source>
        <translation>مجلد نسخ الاسترداد</translation>
    </message>
    <message>
        <source>Cannot restore the report</source>
        <translation>تعذّرت استعادة التقرير</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>تنسيق</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>التقرير</translation>
    </message>
    <message>
        <source>Move around</source>
        <translation>التنقّل</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>View</source>
        <translation>العرض</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>جدول</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <source>&amp;New report…</source>
        <translation>تقرير &amp;جديد…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;فتح…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>حفظ &amp;باسم…</translation>
    </message>
    <message>
        <source>&amp;Export to Word…</source>
        <translation>&amp;تصدير إلى Word…</translation>
    </message>
    <message>
        <source>Export to P&amp;DF…</source>
        <translation>ت&amp;صدير إلى PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;طباعة…</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>&amp;معاينة الطباعة…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>Insert a &amp;name…</source>
        <translation>إدراج &amp;اسم…</translation>
    </message>
    <message>
        <source>Insert the current &amp;time</source>
        <translation>إدراج ال&amp;وقت الحالي</translation>
    </message>
    <message>
        <source>Insert a &amp;footnote</source>
        <translation>إدراج &amp;حاشية سفلية</translation>
    </message>
    <message>
        <source>&amp;Find and replace…</source>
        <translation>&amp;بحث واستبدال…</translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation>&amp;غامق</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>م&amp;ائل</translation>
    </message>
    <message>
        <source>&amp;Underline</source>
        <translation>&amp;تسطير</translation>
    </message>
    <message>
        <source>&amp;Paragraph</source>
        <translation>&amp;فقرة</translation>
    </message>
    <message>
        <source>B&amp;ullet</source>
        <translation>&amp;نقطة تعداد</translation>
    </message>
    <message>
        <source>&amp;Lead-in label</source>
        <translation>&amp;عبارة استهلالية</translation>
    </message>
    <message>
        <source>&amp;Action item</source>
        <translation>&amp;بند عمل</translation>
    </message>
    <message>
        <source>Action item &amp;done</source>
        <translation>بند العمل مُن&amp;جز</translation>
    </message>
    <message>
        <source>Action item de&amp;tails</source>
        <translation>تفاصيل بند ال&amp;عمل</translation>
    </message>
    <message>
        <source>Bullet one level deeper</source>
        <translation>إنزال نقطة التعداد مستوى واحدًا</translation>
    </message>
    <message>
        <source>Bullet one level up</source>
        <translation>رفع نقطة التعداد مستوى واحدًا</translation>
    </message>
    <message>
        <source>New bullet (on a bullet)</source>
        <translation>نقطة تعداد جديدة (عند نقطة تعداد)</translation>
    </message>
    <message>
        <source>Add a &amp;section</source>
        <translation>إضافة &amp;قسم</translation>
    </message>
    <message>
        <source>Add a s&amp;ession</source>
        <translation>إضافة &amp;جلسة</translation>
    </message>
    <message>
        <source>&amp;Remove the selected part</source>
        <translation>&amp;حذف الجزء المحدّد</translation>
    </message>
    <message>
        <source>Re&amp;name the selected part</source>
        <translation>إعادة &amp;تسمية الجزء المحدّد</translation>
    </message>
    <message>
        <source>Move the selected part &amp;up</source>
        <translation>نقل الجزء المحدّد إلى الأ&amp;على</translation>
    </message>
    <message>
        <source>Move the selected part &amp;down</source>
        <translation>نقل الجزء المحدّد إلى الأ&amp;سفل</translation>
    </message>
    <message>
        <source>&amp;Check the report</source>
        <translation>&amp;دقّق التقرير</translation>
    </message>
    <message>
        <source>&amp;Next part</source>
        <translation>الجزء ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous part</source>
        <translation>الجزء ال&amp;سابق</translation>
    </message>
    <message>
        <source>Next &amp;field</source>
        <translation>الح&amp;قل التالي</translation>
    </message>
    <message>
        <source>Go to the &amp;outline</source>
        <translation>الانتقال إلى ال&amp;مخطط</translation>
    </message>
    <message>
        <source>Go to the &amp;editor</source>
        <translation>الانتقال إلى م&amp;حرّر النص</translation>
    </message>
    <message>
        <source>Review &amp;pane</source>
        <translation>&amp;لوحة المراجعة</translation>
    </message>
    <message>
        <source>&amp;Track changes</source>
        <translation>&amp;تعقّب التغييرات</translation>
    </message>
    <message>
        <source>&amp;Next change</source>
        <translation>التغيير ال&amp;تالي</translation>
    </message>
    <message>
        <source>Pre&amp;vious change</source>
        <translation>التغيير ال&amp;سابق</translation>
    </message>
    <message>
        <source>&amp;Accept this change</source>
        <translation>&amp;قبول هذا التغيير</translation>
    </message>
    <message>
        <source>&amp;Reject this change</source>
        <translation>&amp;رفض هذا التغيير</translation>
    </message>
    <message>
        <source>New &amp;comment</source>
        <translation>تعليق &amp;جديد</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>إعادة &amp;ضبط التكبير</translation>
    </message>
    <message>
        <source>Insert a &amp;table…</source>
        <translation>إدراج &amp;جدول…</translation>
    </message>
    <message>
        <source>Insert a row &amp;above</source>
        <translation>إدراج صف &amp;فوق</translation>
    </message>
    <message>
        <source>Insert a row &amp;below</source>
        <translation>إدراج صف &amp;تحت</translation>
    </message>
    <message>
        <source>Insert a column be&amp;fore</source>
        <translation>إدراج عمود &amp;قبل</translation>
    </message>
    <message>
        <source>Insert a column af&amp;ter</source>
        <translation>إدراج عمود &amp;بعد</translation>
    </message>
    <message>
        <source>Delete the &amp;row</source>
        <translation>حذف ال&amp;صف</translation>
    </message>
    <message>
        <source>Delete the &amp;column</source>
        <translation>حذف ال&amp;عمود</translation>
    </message>
    <message>
        <source>Delete the &amp;table</source>
        <translation>حذف ال&amp;جدول</translation>
    </message>
    <message>
        <source>&amp;Header row</source>
        <translation>صف ال&amp;عناوين</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;اختصارات لوحة المفاتيح</translation>
    </message>
</context>
</TS>
