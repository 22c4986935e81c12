// The window in French. First the translation file itself (resources/translations/
// flightdesk_fr.ts): every message translated, with the same placeholders, one mnemonic where
// the English has one, shortcuts left as they are. Then the desk in demo mode, with French
// installed as the agent would choose it (installTranslation, as at start): the search page
// with its results, a checkout with its field messages, a booked checkout, the orders page and
// the schedule-change queue — no text a person can see there is English: none matches an
// English message that has a French translation, and none reads as English prose (a string
// the code never offered for translation).
#include "checkoutpage.h"
#include "checkouttab.h"
#include "desk/desk.h"
#include "mainwindow.h"
#include "orderspage.h"
#include "searchpage.h"
#include "testjournal.h"
#include "translation.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QXmlStreamReader>

using namespace fd;
using namespace fd::ui;

namespace {
constexpr int kWait = 15000;

const QString kNigeriaMrz = QStringLiteral("P<NGAOKAFOR<<ADEBAYO<<<<<<<<<<<<<<<<<<<<<<<<\n"
                                           "A123456784NGA8804178M3105021<<<<<<<<<<<<<<<2");

struct Message {
    QString context;
    QString source;
    QStringList translations; // one, or the plural forms
    bool finished = false;
};

QList<Message> readTs(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QList<Message> out;
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = Message{context, {}, {}, false};
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.finished = xml.attributes().value(QLatin1String("type")).isEmpty();
            // Plural forms are child elements; a plain translation is text.
            QString text;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation"))) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    m.translations << xml.readElementText();
            }
            if (m.translations.isEmpty())
                m.translations << text;
            out << m;
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return out;
}

QString tsPath() {
    return QStringLiteral(FLIGHTDESK_TEST_DATA "/../../resources/translations/flightdesk_fr.ts");
}

QStringList placeholders(const QString &s) {
    static const QRegularExpression re(QStringLiteral("%L?[0-9n]"));
    QStringList out;
    for (auto it = re.globalMatch(s); it.hasNext();)
        out << it.next().captured().remove(QLatin1Char('L'));
    out.sort();
    return out;
}

int mnemonics(const QString &s) {
    int n = 0;
    for (qsizetype i = 0; i + 1 < s.size(); ++i)
        if (s.at(i) == QLatin1Char('&')) {
            if (s.at(i + 1) != QLatin1Char('&') && s.at(i + 1) != QLatin1Char(' '))
                ++n;
            ++i;
        }
    return n;
}

QString withoutMnemonic(QString s) {
    s.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    s.remove(QLatin1Char('&'));
    s.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return s;
}

// Which English messages a shown text could be: each source with a French translation of its
// own, as a pattern (placeholders match anything), when it has words enough to recognise.
struct EnglishPatterns {
    QList<std::pair<QRegularExpression, QString>> patterns;
    explicit EnglishPatterns(const QList<Message> &messages) {
        static const QRegularExpression placeholder(QStringLiteral("%L?[0-9n]"));
        static const QRegularExpression word(QStringLiteral("[A-Za-z]{3,}"));
        for (const Message &m : messages) {
            const QString source = withoutMnemonic(m.source);
            if (!m.finished || withoutMnemonic(m.translations.value(0)) == source)
                continue; // the same in both languages (a format, a code): not a finding
            QString literal = source;
            literal.remove(placeholder);
            if (!literal.contains(word))
                continue;
            QString pattern = QRegularExpression::escape(source);
            pattern.replace(QRegularExpression(QStringLiteral("%L?[0-9n]")), QStringLiteral(".*"));
            patterns.append(
                {QRegularExpression(QStringLiteral("\\A") + pattern + QStringLiteral("\\z"),
                                    QRegularExpression::DotMatchesEverythingOption),
                 source});
        }
    }
    QString match(const QString &text) const {
        for (const auto &[re, source] : patterns)
            if (re.match(text).hasMatch())
                return source;
        return {};
    }
};

// English prose a translation would never leave: words French does not have.
bool readsAsEnglish(const QString &text) {
    static const QRegularExpression english(
        QStringLiteral("\\b(the|and|with|your|this|from|for|not|is|are|was|has|have|been|"
                       "will|enter|choose|search|book|booking|passenger|wallet|order|orders|"
                       "offer|offers|cancel|flight|flights|required)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return english.match(text).hasMatch();
}

struct Shown {
    QString where;
    QString text;
};

// What a person can read on `page` now: labels, buttons, group titles, placeholders, combo
// boxes, table headers and the first rows of each table.
QList<Shown> visibleTexts(QWidget *page, const QString &name) {
    QList<Shown> out;
    const auto add = [&](const QWidget *w, QString text) {
        if (Qt::mightBeRichText(text)) {
            QTextDocument doc;
            doc.setHtml(text);
            text = doc.toPlainText();
        }
        text = withoutMnemonic(text).trimmed();
        if (!text.isEmpty())
            out.append({name + QLatin1Char('/') + w->objectName(), text});
    };
    for (QWidget *w : page->findChildren<QWidget *>()) {
        if (!w->isVisible())
            continue;
        if (auto *l = qobject_cast<QLabel *>(w))
            add(l, l->text());
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            add(b, b->text());
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            add(g, g->title());
        else if (auto *e = qobject_cast<QLineEdit *>(w))
            add(e, e->placeholderText());
        else if (auto *c = qobject_cast<QComboBox *>(w))
            add(c, c->currentText());
        else if (auto *v = qobject_cast<QTableView *>(w); v && v->model()) {
            const QAbstractItemModel *m = v->model();
            for (int col = 0; col < m->columnCount(); ++col) {
                if (v->horizontalHeader()->isSectionHidden(col))
                    continue;
                add(v, m->headerData(col, Qt::Horizontal).toString());
                for (int row = 0; row < std::min(3, m->rowCount()); ++row)
                    add(v, m->index(row, col).data().toString());
            }
        }
    }
    return out;
}

} // namespace

class TestFrench final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QList<Message> m_messages;

private Q_SLOTS:
    void initTestCase() {
        FD_SKIP_UNLESS_TEST_JOURNAL_RUNS();
        m_messages = readTs(tsPath());
        QVERIFY(m_messages.size() > 500);
    }

    void everyMessageIsTranslated() {
        QStringList problems;
        static const QRegularExpression shortcut(
            QStringLiteral("\\A(Ctrl|Alt|Shift|Meta)\\+.+\\z|\\AF[0-9]{1,2}\\z"));
        for (const Message &m : std::as_const(m_messages)) {
            const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
            if (!m.finished || m.translations.value(0).trimmed().isEmpty()) {
                problems << where + QStringLiteral(" is not translated");
                continue;
            }
            for (const QString &t : m.translations) {
                // A plural form may leave out its count ("un billet").
                QStringList wanted = placeholders(m.source);
                QStringList got = placeholders(t);
                if (m.translations.size() > 1) {
                    wanted.removeAll(QStringLiteral("%n"));
                    got.removeAll(QStringLiteral("%n"));
                }
                if (wanted != got)
                    problems << where + QStringLiteral(" → \"%1\": placeholders %2, not %3")
                                            .arg(t, got.join(QLatin1Char(' ')),
                                                 wanted.join(QLatin1Char(' ')));
                if (mnemonics(m.source) != mnemonics(t))
                    problems << where + QStringLiteral(" → \"%1\": mnemonics differ").arg(t);
            }
            if (shortcut.match(m.source).hasMatch() && m.translations.value(0) != m.source)
                problems << where + QStringLiteral(" is a shortcut: it stays as it is");
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join(QLatin1Char('\n'))));
    }

    void theMainPagesAreInFrench() {
        QCOMPARE(installTranslation(QStringLiteral("fr")), QStringLiteral("fr"));
        const EnglishPatterns english(m_messages);
        SessionOptions o;
        o.demo = true;
        o.journalPath = fd::test::freshJournalLocation(m_dir, QStringLiteral("french.sqlite"));
        o.journalPassword = fd::test::journalPassword();
        o.timingScale = 0.01;
        auto desk = std::move(desk::makeDesk(o)).value();
        MainWindow w(MainWindow::Mode::Demo, desk.get());
        w.resize(1280, 860);
        w.show();
        w.activateWindow(); // under xvfb-run there is no window manager to do it
        QVERIFY(QTest::qWaitForWindowActive(&w));
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("pagesTabWidget"));
        QList<Shown> shown;
        const auto look = [&](const QString &name) {
            shown += visibleTexts(tabs->currentWidget(), name);
            shown.append({name + QStringLiteral("/window"), w.windowTitle()});
            for (int i = 0; i < tabs->count(); ++i)
                shown.append({name + QStringLiteral("/tab"), withoutMnemonic(tabs->tabText(i))});
            for (QAction *menu : w.menuBar()->actions())
                shown.append({name + QStringLiteral("/menu"), withoutMnemonic(menu->text())});
            shown.append({name + QStringLiteral("/status"), w.statusBar()->currentMessage()});
        };

        // The search page before and after a search.
        look(QStringLiteral("search"));
        SearchPage *search = w.searchPage();
        for (auto [name, code] :
             {std::pair{"originEdit", "LOS"}, std::pair{"destinationEdit", "LHR"}}) {
            auto *edit = search->findChild<QLineEdit *>(QLatin1String(name));
            edit->setFocus();
            QTest::keyClicks(edit, QLatin1String(code));
        }
        w.activateWindow();
        QTest::keyClick(search->findChild<QLineEdit *>(QStringLiteral("destinationEdit")),
                        Qt::Key_Return);
        auto *offers = search->findChild<QTableView *>(QStringLiteral("offersTableView"));
        QTRY_VERIFY_WITH_TIMEOUT(!search->isSearching() && offers->model()->rowCount() > 0, kWait);
        look(QStringLiteral("results"));

        // A checkout, Book pressed with nothing filled in: every field says what it needs.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(w.checkoutTabs().size(), 1);
        CheckoutTab *tab = w.checkoutTabs().first();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
        look(QStringLiteral("checkout"));

        // Booked.
        QGuiApplication::clipboard()->setText(kNigeriaMrz);
        tab->page()->focusFirstToFill();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_V, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("a.okafor@example.com"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("+2348031234567"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(tab->flow() && tab->flow()->state() == CheckoutState::Ticketed,
                                 kWait);
        look(QStringLiteral("booked"));

        // The orders page with that order, and the queue.
        QTest::keyClick(&w, Qt::Key_O, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(w.ordersPage()->findChild<QTableView *>()->model()->rowCount() > 0,
                                 kWait);
        look(QStringLiteral("orders"));
        tabs->setCurrentWidget(w.findChild<QWidget *>(QStringLiteral("scheduleQueuePage")));
        look(QStringLiteral("queue"));

        if (const QString shots = qEnvironmentVariable("FLIGHTDESK_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            tabs->setCurrentWidget(search);
            QVERIFY(w.grab().save(shots + QStringLiteral("/french.png")));
        }

        QStringList findings;
        for (const Shown &s : std::as_const(shown)) {
            for (const QString &line : s.text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                if (const QString source = english.match(line.trimmed()); !source.isEmpty())
                    findings << QStringLiteral("%1: \"%2\" (English message \"%3\")")
                                    .arg(s.where, line, source);
                else if (readsAsEnglish(line))
                    findings << QStringLiteral("%1: \"%2\" reads as English").arg(s.where, line);
            }
        }
        findings.removeDuplicates();
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
        installTranslation(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestFrench)
#include "tst_french.moc"
