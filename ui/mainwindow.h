#pragma once

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}

namespace fd::ui {

class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class Mode { Live, Demo };

    explicit MainWindow(Mode mode, QWidget *parent = nullptr);
    ~MainWindow() override;

    Mode mode() const { return m_mode; }

private:
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    Mode m_mode;
};

} // namespace fd::ui
