// A copy of the agency's floor program (../shared/bench/floor/floor.cpp), built with the bench
// helpers so the desk bench needs nothing outside this repository.
//
// Floor: the minimal program that links and touches the same modules as FlightDesk
// (Widgets, Network, Sql + SQLite driver, StateMachine, HttpServer, libphonenumber),
// shows a QMainWindow and exits on its first paint (unless NO_SELF_EXIT is set).
#include <QAbstractState>
#include <QApplication>
#include <QFinalState>
#include <QHostAddress>
#include <QHttpServer>
#include <QLabel>
#include <QMainWindow>
#include <QNetworkAccessManager>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QState>
#include <QStateMachine>
#include <QTcpServer>
#include <QTimer>
#include <cstdio>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <unistd.h>

class W : public QMainWindow {
protected:
    void paintEvent(QPaintEvent *e) override {
        QMainWindow::paintEvent(e);
        if (!qEnvironmentVariableIsSet("NO_SELF_EXIT") && !done) {
            done = true;
            QTimer::singleShot(0, [] { _exit(0); });
        }
    }
    bool done = false;
};

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    // Sql + SQLite driver
    auto db = QSqlDatabase::addDatabase("QSQLITE");
    db.setDatabaseName(":memory:");
    if (!db.open()) {
        std::fprintf(stderr, "sqlite open failed\n");
        return 1;
    }
    QSqlQuery q(db);
    q.exec("create table t(x integer)");
    q.exec("insert into t values(1)");
    // Network
    QNetworkAccessManager nam;
    // StateMachine
    QStateMachine sm;
    auto *s = new QState(&sm);
    sm.setInitialState(s);
    sm.start();
    // HttpServer on an ephemeral loopback port
    QHttpServer http;
    http.route("/", [] { return "ok"; });
    if (http.listen(QHostAddress::LocalHost, 0) == 0) {
        std::fprintf(stderr, "listen failed\n");
        return 1;
    }
    // libphonenumber
    auto *pu = i18n::phonenumbers::PhoneNumberUtil::GetInstance();
    i18n::phonenumbers::PhoneNumber pn;
    pu->Parse("+2348031234567", "ZZ", &pn);
    if (!pu->IsValidNumber(pn))
        std::fprintf(stderr, "phone?\n");
    W w;
    w.setWindowTitle("floor");
    w.setCentralWidget(new QLabel("floor"));
    w.resize(1180, 820);
    w.show();
    return app.exec();
}
