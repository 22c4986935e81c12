#include "mainwindow.h"

#include "ui_mainwindow.h"

#include <QFont>
#include <QMessageBox>

namespace fd::ui {

MainWindow::MainWindow(Mode mode, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_mode(mode) {
    m_ui->setupUi(this);

    QFont heading = m_ui->welcomeLabel->font();
    heading.setPointSizeF(heading.pointSizeF() * 1.6);
    heading.setBold(true);
    m_ui->welcomeLabel->setFont(heading);

    const bool demo = mode == Mode::Demo;
    m_ui->demoBannerLabel->setVisible(demo);
    // The banner is text, not colour alone, so it reads the same in a dark palette.
    m_ui->demoBannerLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #8a5a00; color: white; font-weight: bold; }"));
    //: Window title; %1 is the application name.
    setWindowTitle(demo ? tr("%1 — DEMO").arg(QStringLiteral("FlightDesk"))
                        : QStringLiteral("FlightDesk"));
    statusBar()->showMessage(demo ? tr("Demo mode: offline sandbox") : tr("Ready"));

    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

MainWindow::~MainWindow() = default;

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About FlightDesk"),
                       //: %1 is the version number.
                       tr("FlightDesk %1\nA checkout for travel agents that never books or "
                          "charges twice.")
                           .arg(QStringLiteral(FLIGHTDESK_VERSION)));
}

} // namespace fd::ui
