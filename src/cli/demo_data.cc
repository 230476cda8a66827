#include "cli/demo_data.h"

namespace svar::cli {

const std::vector<std::string_view>& DemoMessages() {
  static const std::vector<std::string_view> kMessages = {
      R"MAIL(From: Mette Hansen <mette@kunde.dk>
To: support@demo.svar.example
Subject: Jeg kan ikke logge ind
Date: Mon, 23 Nov 2026 08:12:00 +0100
Message-ID: <demo-da-1@kunde.dk>
Content-Language: da
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Hej,

Siden i går har jeg ikke kunnet logge ind på min konto. Jeg får beskeden "forkert
adgangskode", selv om jeg har nulstillet den to gange.

Venlig hilsen
Mette
)MAIL",
      R"MAIL(From: Erik Johansson <erik@foretag.se>
To: support@demo.svar.example
Subject: Fel belopp på fakturan
Date: Mon, 23 Nov 2026 08:30:00 +0100
Message-ID: <demo-sv-1@foretag.se>
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Hej!

Fakturan för november är på 1 200 kr, men vårt avtal säger 950 kr i månaden.
Kan ni rätta den?

Mvh Erik
)MAIL",
      R"MAIL(From: Erik Johansson <erik@foretag.se>
To: support@demo.svar.example
Subject: Re: Fel belopp på fakturan
Date: Mon, 23 Nov 2026 09:05:00 +0100
Message-ID: <demo-sv-2@foretag.se>
In-Reply-To: <demo-sv-1@foretag.se>
References: <demo-sv-1@foretag.se>
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Jag glömde att bifoga avtalsnumret: AV-2291.

Den 23 nov. 2026 kl. 08:30 skrev Erik Johansson <erik@foretag.se>:
> Fakturan för november är på 1 200 kr, men vårt avtal säger 950 kr i månaden.
)MAIL",
      R"MAIL(From: Ola Nordmann <ola@firma.no>
To: support@demo.svar.example
Subject: =?utf-8?q?Pakken_har_ikke_kommet?=
Date: Mon, 23 Nov 2026 09:40:00 +0100
Message-ID: <demo-nb-1@firma.no>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Hei,

Jeg bestilte en vaskemaskin for to uker siden (ordre 55123), men den har ikke =
kommet. Sporingen har st=C3=A5tt p=C3=A5 "under transport" i ti dager.

Mvh Ola

--=20
Ola Nordmann, Bergen
)MAIL",
      R"MAIL(From: =?utf-8?b?0JjQstCw0L0g0J/QtdGC0YDQvtCy?= <ivan@example.ru>
To: support@demo.svar.example
Subject: =?utf-8?b?0J3QtSDRgNCw0LHQvtGC0LDQtdGCINC+0L/Qu9Cw0YLQsCDQutCw0YDRgtC+0Lk=?=
Date: Mon, 23 Nov 2026 10:02:00 +0300
Message-ID: <demo-ru-1@example.ru>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Здравствуйте!

Не могу оплатить заказ картой: платёж отклоняется, хотя деньги на карте есть.
Это срочно, заказ нужен до пятницы.

С уважением,
Иван Петров
)MAIL",
      R"MAIL(From: Li Wei <liwei@example.cn>
To: support@demo.svar.example
Subject: =?utf-8?b?5peg5rOV55m75b2V6LSm5oi3?=
Date: Mon, 23 Nov 2026 17:20:00 +0800
Message-ID: <demo-zh-1@example.cn>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

您好，

我从昨天开始无法登录我的账户，重置密码的邮件也没有收到。请帮忙处理。

谢谢！
李伟
)MAIL",
      R"MAIL(From: Chen Mei <chenmei@example.tw>
To: support@demo.svar.example
Subject: =?utf-8?b?6YCA5qy+5LuA6bq85pmC5YCZ5Yiw5biz77yf?=
Date: Mon, 23 Nov 2026 18:05:00 +0800
Message-ID: <demo-zht-1@example.tw>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

您好，

我上週退回了商品，請問退款什麼時候會到帳？

陳美
)MAIL",
      R"MAIL(From: Sarah Miller <sarah@example.com>
To: support@demo.svar.example
Subject: Refund not received
Date: Mon, 23 Nov 2026 11:15:00 +0000
Message-ID: <demo-en-1@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

Hello,

I returned my order #88120 three weeks ago and still have not received the refund.
The receipt is attached.

Thanks,
Sarah
--alt
Content-Type: text/html; charset=utf-8

<html><body><p>Hello,</p><p>I returned my order <b>#88120</b> three weeks ago and still
have not received the refund. The receipt is attached.</p>
<p onclick="alert(1)">Thanks,<br>Sarah</p><script>alert('x')</script></body></html>
--alt--

--outer
Content-Type: text/plain; charset=utf-8; name="receipt.txt"
Content-Disposition: attachment; filename="receipt.txt"

Return receipt: order 88120, 1 item, returned 2026-11-02.
--outer--
)MAIL",
      R"MAIL(From: Tom Baker <tom@example.org>
To: support@demo.svar.example
Subject: Automatic reply: Your ticket
Date: Mon, 23 Nov 2026 12:00:00 +0000
Message-ID: <demo-ooo-1@example.org>
Auto-Submitted: auto-replied
X-Auto-Response-Suppress: All
Content-Type: text/plain; charset=utf-8

I am out of the office until 1 December with limited access to email.
)MAIL",
  };
  return kMessages;
}

}  // namespace svar::cli
