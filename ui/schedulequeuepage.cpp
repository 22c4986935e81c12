#include "schedulequeuepage.h"

#include "schedulequeuemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace fd::ui {
namespace {

// A page of the queue: an agent works the oldest first, and a queue longer than this is a
// backlog the summary counts, not something to scroll through.
constexpr int kShown = 200;

} // namespace

ScheduleQueuePage::ScheduleQueuePage(desk::ScheduleChanges *changes, QWidget *parent)
    : QWidget(parent)
    , m_changes(changes)
    , m_summaryLabel(new QLabel(this))
    , m_model(new ScheduleQueueModel(this))
    , m_table(new QTableView(this))
    , m_acknowledgeButton(new QPushButton(tr("&Acknowledge"), this)) {
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("changesTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table for the button
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_acknowledgeButton->setObjectName(QStringLiteral("acknowledgeButton"));
    m_acknowledgeButton->setToolTip(
        tr("Take the selected change off the queue, once the passenger has been told."));
    m_acknowledgeButton->setEnabled(false);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_acknowledgeButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    setFocusProxy(m_table);

    connect(m_acknowledgeButton, &QPushButton::clicked, this,
            &ScheduleQueuePage::acknowledgeSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_acknowledgeButton->setEnabled(!selectedId().isEmpty()); });
    if (m_changes)
        m_changes->watch(this, [this] { refresh(); });
    refresh();
}

ScheduleQueuePage::~ScheduleQueuePage() = default;

QString ScheduleQueuePage::selectedId() const {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString()
                          : rows.first().data(ScheduleQueueModel::ChangeIdRole).toString();
}

void ScheduleQueuePage::refresh() {
    if (!m_changes)
        return;
    // One read at a time; a change that arrives meanwhile asks for one more.
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    m_changes->readQueue(kShown, this, [this](const Result<desk::ScheduleChanges::Queue> &read) {
        m_reading = false;
        if (!read)
            m_summaryLabel->setText(read.error().message);
        else
            present(*read);
        if (std::exchange(m_readAgain, false))
            refresh();
    });
}

void ScheduleQueuePage::present(const desk::ScheduleChanges::Queue &queue) {
    const QString keep = selectedId();
    m_model->setChanges(queue.changes);
    m_table->resizeColumnsToContents();
    m_table->resizeRowsToContents();
    // Something is always selected when there is anything to work: Alt+A acts at once.
    if (m_model->rowCount() > 0)
        m_table->selectRow(qMax(0, m_model->rowOf(keep)));
    m_acknowledgeButton->setEnabled(!selectedId().isEmpty());
    m_summaryLabel->setText(
        queue.total == 0
            ? tr("No schedule changes to work. Changes the airlines make to booked flights "
                 "appear here.")
            : tr("%n schedule change(s) to work, oldest first. Tell the passengers, then "
                 "acknowledge each one.",
                 nullptr, int(queue.total)));
    m_total = queue.total;
    Q_EMIT totalChanged(m_total);
    QSet<qint64> waiting;
    for (const ScheduleChange &c : queue.changes)
        if (c.intentId > 0)
            waiting.insert(c.intentId);
    Q_EMIT bookingsWaiting(waiting);
}

void ScheduleQueuePage::acknowledgeSelected() {
    const QString id = selectedId();
    if (id.isEmpty() || !m_changes)
        return;
    m_acknowledgeButton->setEnabled(false); // one acknowledgement at a time
    const QString by = qEnvironmentVariable("USER", QStringLiteral("agent"));
    m_changes->acknowledgeLater(id, by, this, [this](const Result<bool> &done) {
        if (!done)
            m_summaryLabel->setText(done.error().message);
        refresh();
    });
}

} // namespace fd::ui
