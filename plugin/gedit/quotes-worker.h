/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void quotes_worker_run (GTask           *task,
                        GTaskThreadFunc  func);

G_END_DECLS
