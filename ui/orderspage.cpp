#include "orderspage.h"
#include "ui_orderspage.h"

#include "desk/providers.h"

#include "fieldmessage.h"
#include "ordersmodel.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLocale>
#include <QScrollBar>
#include <QShortcut>
#include <QTimer>

namespace fd::ui {

OrdersPage::OrdersPage(desk::Orders *orders, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::OrdersPage>())
    , m_orders(orders)
    , m_model(new OrdersModel(this))
    , m_filter(new OrdersFilterModel(this)) {
    m_ui->setupUi(this);

    //: Status filter of the orders history.
    m_ui->statusFilterCombo->addItem(tr("All orders"), -1);
    m_ui->statusFilterCombo->addItem(tr("In progress"), int(OrderStatus::InProgress));
    m_ui->statusFilterCombo->addItem(tr("Ticketed"), int(OrderStatus::Ticketed));
    m_ui->statusFilterCombo->addItem(tr("Failed"), int(OrderStatus::Failed));
    //: Filter: interrupted, unresolved, error or insufficient funds, or a cancellation in
    //: progress.
    m_ui->statusFilterCombo->addItem(tr("Needs attention"), int(OrderStatus::NeedsAttention));

    m_model->setSource(orders);
    m_filter->setSourceModel(m_model);
    QTableView *table = m_ui->ordersTableView;
    table->setModel(m_filter);
    table->sortByColumn(OrdersModel::Created, Qt::DescendingOrder);
    QHeaderView *header = table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(OrdersModel::Passengers, QHeaderView::Stretch);
    header->setMinimumSectionSize(header->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 4);

    QTreeWidget *timeline = m_ui->timelineTreeWidget;
    timeline->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    timeline->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    timeline->header()->setStretchLastSection(true);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->orderIdLabel->setFont(fixed);
    m_ui->idempotencyKeyLabel->setFont(fixed);
    m_ui->supersededKeyLabel->setFont(fixed);
    m_ui->ordersSplitter->setStretchFactor(0, 3);
    m_ui->ordersSplitter->setStretchFactor(1, 2);

    connect(m_ui->statusFilterCombo, &QComboBox::currentIndexChanged, this, [this] {
        const int status = m_ui->statusFilterCombo->currentData().toInt();
        m_filter->setStatus(status < 0 ? std::nullopt
                                       : std::optional<OrderStatus>(OrderStatus(status)));
        updateMessage();
    });
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearchText(text);
        updateMessage();
    });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &OrdersPage::showSelected);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &OrdersPage::showSelected);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &OrdersPage::showSelected);
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &OrdersPage::showSelected);
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OrdersPage::showSelected);
    connect(m_model, &OrdersModel::fetchFailed, this, [this](const QString &message) {
        m_journalError = message;
        updateMessage();
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &OrdersPage::updateMessage);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &OrdersPage::refresh);
    connect(m_ui->copyOrderIdButton, &QPushButton::clicked, this, [this] {
        if (const OrdersModel::Row *r = m_model->rowForIntent(selectedIntentId()))
            copy(m_ui->copyOrderIdButton, r->orderId);
    });
    connect(m_ui->copyKeyButton, &QPushButton::clicked, this, [this] {
        if (const OrdersModel::Row *r = m_model->rowForIntent(selectedIntentId()))
            copy(m_ui->copyKeyButton, r->idempotencyKey);
    });
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &OrdersPage::openCancelDialog);
    connect(m_ui->contactButton, &QPushButton::clicked, this, &OrdersPage::openContactDialog);
    connect(m_ui->resumeButton, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedIntentId(); id && m_ui->resumeButton->isEnabled())
            Q_EMIT resumeRequested(id);
    });

    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->searchEdit->selectAll();
    });
    // F5, on the button itself (active only while the page shows; every letter of "Refresh"
    // is another mnemonic's).
    m_ui->refreshButton->setShortcut(QKeySequence(Qt::Key_F5));
    // No read here (issue 12): the history is read when the page is first shown.
    updateMessage();
}

OrdersPage::~OrdersPage() = default;

qint64 OrdersPage::selectedIntentId() const {
    const QModelIndexList rows = m_ui->ordersTableView->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(OrdersModel::IntentIdRole).toLongLong();
}

void OrdersPage::selectIntent(qint64 intentId) {
    const QModelIndex source = m_model->index(m_model->rowOf(intentId), 0);
    const QModelIndex index = m_filter->mapFromSource(source);
    if (!index.isValid()) {
        m_ui->ordersTableView->selectionModel()->clear();
        return;
    }
    m_ui->ordersTableView->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_ui->ordersTableView->scrollTo(index);
}

void OrdersPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_model->loaded() || m_loadQueued)
        return;
    // Queued, so the frame that shows the page is drawn before the first read.
    m_loadQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_loadQueued = false;
        if (!m_model->loaded())
            refresh();
    });
}

void OrdersPage::refresh() {
    readCancellationsInProgress();
    const qint64 selected = selectedIntentId();
    m_model->reload([this, selected](const Result<std::monostate> &read) {
        if (read)
            m_journalError.clear();
        else
            m_journalError = read.error().message; // keep showing what was read before
        if (selected)
            selectIntent(selected);
        showSelected(); // the timeline is rebuilt only when it has new events
        updateMessage();
    });
}

void OrdersPage::updateMessage() {
    if (!m_journalError.isEmpty())
        //: %1 explains why, e.g. the file is locked or damaged.
        showToned(m_ui->messageLabel,
                  tr("The order journal cannot be read: %1").arg(m_journalError), Tone::Error);
    else if (m_model->loaded() && m_model->rowCount() == 0) // not read yet: no message
        showToned(m_ui->messageLabel,
                  tr("No orders yet. Each booking appears here as soon as Book is pressed."),
                  Tone::Neutral);
    else if (m_model->loaded() && m_filter->rowCount() == 0)
        showToned(m_ui->messageLabel,
                  tr("No order matches this filter and search. Choose “All orders” or clear the "
                     "search to see every order."),
                  Tone::Neutral);
    else
        showToned(m_ui->messageLabel, QString(), Tone::Neutral);
}

void OrdersPage::showSelected() {
    const qint64 id = selectedIntentId();
    const OrdersModel::Row *r = m_model->rowForIntent(id);
    const QString none = QStringLiteral("—");
    m_ui->detailsGroupBox->setEnabled(r != nullptr);
    m_ui->factsLayout->setRowVisible(4, r && !r->supersededKey.isEmpty());
    if (!r) {
        m_ui->statusLabel->clear();
        showToned(m_ui->outcomeMessageLabel, tr("Select an order to see its details and timeline."),
                  Tone::Neutral);
        for (QLabel *l :
             {m_ui->bookingReferenceLabel, m_ui->orderIdLabel, m_ui->idempotencyKeyLabel,
              m_ui->supersededKeyLabel, m_ui->passengersLabel, m_ui->eTicketsLabel,
              m_ui->providerLabel, m_ui->resumeHintLabel})
            l->clear();
        m_ui->copyOrderIdButton->setEnabled(false);
        m_ui->copyKeyButton->setEnabled(false);
        m_ui->resumeButton->setEnabled(false);
        updateBookingActions(0);
        m_ui->timelineTreeWidget->clear();
        m_shownTimeline = 0;
        m_shownEvents = -1;
        return;
    }
    m_ui->statusLabel->setText(stateText(r->state));
    // The engine's own sentence about how it ended; a warning when the agent has to act.
    showToned(m_ui->outcomeMessageLabel, r->outcomeMessage,
              r->status == OrderStatus::NeedsAttention ? Tone::Warning : Tone::Neutral);
    m_ui->outcomeMessageLabel->setAccessibleName(tr("Outcome"));
    m_ui->bookingReferenceLabel->setText(r->bookingReference.isEmpty() ? none
                                                                       : r->bookingReference);
    m_ui->orderIdLabel->setText(r->orderId);
    if (r->orderId.isEmpty())
        //: Shown instead of the order id before the provider created the order.
        m_ui->orderIdLabel->setText(tr("none yet"));
    m_ui->idempotencyKeyLabel->setText(r->idempotencyKey);
    m_ui->supersededKeyLabel->setText(r->supersededKey);
    m_ui->passengersLabel->setText(
        r->passengerNames.isEmpty() ? none : r->passengerNames.join(QLatin1Char('\n')));
    m_ui->eTicketsLabel->setText(r->eTickets.isEmpty() ? none
                                                       : r->eTickets.join(QLatin1Char('\n')));
    m_ui->providerLabel->setText(r->provider.isEmpty() ? none : desk::providerName(r->provider));
    m_ui->copyOrderIdButton->setEnabled(!r->orderId.isEmpty());
    m_ui->copyKeyButton->setEnabled(!r->idempotencyKey.isEmpty());

    const bool canResume = !r->finished && r->frozen;
    m_ui->resumeButton->setEnabled(canResume);
    QString hint;
    if (canResume)
        hint = tr("Continues with the same idempotency key, so it can never book twice.");
    else if (r->finished)
        hint = tr("This order is finished: nothing to resume.");
    else
        hint = tr("Nothing was sent for this checkout yet: there is nothing to resume.");
    m_ui->resumeHintLabel->setText(hint);
    m_ui->resumeButton->setAccessibleDescription(hint);
    updateBookingActions(id);
    showTimeline(id);
}

void OrdersPage::showTimeline(qint64 intentId) {
    if (!m_orders)
        return fillTimeline(intentId, QList<JournalEvent>{});
    m_timelineWanted = intentId;
    m_orders->readEvents(intentId, this,
                         [this, intentId](const Result<QList<JournalEvent>> &events) {
                             if (intentId == m_timelineWanted) // not another one chosen since
                                 fillTimeline(intentId, events);
                         });
}

void OrdersPage::fillTimeline(qint64 intentId, const Result<QList<JournalEvent>> &events) {
    QTreeWidget *tree = m_ui->timelineTreeWidget;
    if (!events) {
        tree->clear();
        auto *item = new QTreeWidgetItem(tree);
        item->setText(2, tr("The timeline cannot be read: %1").arg(events.error().message));
        m_shownEvents = -1;
        return;
    }
    if (intentId == m_shownTimeline && events->size() == m_shownEvents)
        return; // nothing new: keep the scroll position
    QScrollBar *bar = tree->verticalScrollBar();
    const bool follow = intentId != m_shownTimeline || bar->value() == bar->maximum();
    tree->clear();
    const QLocale locale;
    for (const JournalEvent &e : *events) {
        auto *item = new QTreeWidgetItem(tree);
        const QDateTime local = e.at.toLocalTime();
        item->setText(0, locale.toString(local, QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        item->setToolTip(0, e.at.toUTC().toString(Qt::ISODateWithMs));
        item->setText(1, eventKindText(e.kind));
        const QString summary = eventSummary(e);
        item->setText(2, summary);
        item->setToolTip(2, summary);
        item->setData(0, Qt::UserRole, int(e.kind));
    }
    m_shownTimeline = intentId;
    m_shownEvents = int(events->size());
    if (follow)
        tree->scrollToBottom();
}

void OrdersPage::copy(QPushButton *button, const QString &text) {
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    // A moment of feedback on the button itself; its own text comes back afterwards.
    if (!button->property("copyText").isValid())
        button->setProperty("copyText", button->text());
    //: Shown on a Copy button for a moment after it was pressed.
    button->setText(tr("Copied"));
    QTimer::singleShot(1500, button,
                       [button] { button->setText(button->property("copyText").toString()); });
}

} // namespace fd::ui
