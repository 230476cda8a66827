#!/usr/bin/python3
"""Writes the .eml fixtures of tests/corpora/{charsets,html,mime,quotes}.

Legacy-charset fixtures are produced by encoding Python strings, so their bytes are real
KOI8-R, windows-1251, GB2312, Big5, ISO-2022-JP... Run from anywhere:
    /usr/bin/python3 tests/corpora/make_fixtures.py
then regenerate the expected files: SVAR_REGEN=1 build-mail/tests/unit_mail --gtest_filter='Corpus*'
"""
import base64
import os
import quopri
import zlib

ROOT = os.path.dirname(os.path.abspath(__file__))


def write(kind, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    path = os.path.join(ROOT, kind, name + ".eml")
    with open(path, "wb") as f:
        f.write(data)


def head(subject_raw, frm="Kunde <kunde@example.org>", extra=""):
    return ("From: %s\nTo: support@svar.example\nSubject: %s\n"
            "Date: Tue, 05 Mar 2024 10:15:00 +0100\nMessage-ID: <%s@example.org>\n"
            "MIME-Version: 1.0\n%s" % (frm, subject_raw, zlib.crc32(subject_raw.encode()), extra))


def b2047(text, charset, enc="B"):
    raw = text.encode(charset)
    if enc == "B":
        return "=?%s?B?%s?=" % (charset, base64.b64encode(raw).decode())
    q = "".join(chr(c) if (48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122) else "=%02X" % c for c in raw)
    return "=?%s?Q?%s?=" % (charset, q)


def text_mail(kind, name, subject_hdr, body, charset, declared=None, cte="8bit",
              frm="Kunde <kunde@example.org>"):
    raw = body.encode(charset) if charset else body.encode("latin-1")
    ctype = "text/plain" + ("; charset=%s" % declared if declared else "")
    if cte == "base64":
        payload = base64.encodebytes(raw)
    elif cte == "quoted-printable":
        payload = quopri.encodestring(raw)
    else:
        payload = raw
    hdr = head(subject_hdr, frm, "Content-Type: %s\nContent-Transfer-Encoding: %s\n\n" % (ctype, cte))
    write(kind, name, hdr.encode("ascii") + payload)


# --- charsets -------------------------------------------------------------------------------
ru = "Здравствуйте!\n\nМой заказ N 4711 до сих пор не пришёл. Когда его отправят?\n\nС уважением,\nИван Петров\n"
text_mail("charsets", "koi8r", b2047("Где мой заказ?", "koi8-r"), ru, "koi8-r", "koi8-r")
text_mail("charsets", "windows1251_qp", b2047("Вопрос по счёту", "windows-1251", "Q"), ru,
          "windows-1251", "windows-1251", "quoted-printable")
zh = "您好，\n\n我上周订购的耳机还没有收到，请帮我查一下物流信息。谢谢！\n\n王先生\n"
text_mail("charsets", "gb2312_base64", b2047("订单查询", "gb2312"), zh, "gb2312", "gb2312", "base64")
# GBK-only character (镕) declared as gb2312: must be read as GB18030.
text_mail("charsets", "gbk_declared_gb2312", b2047("发票问题", "gbk"),
          "朱镕基先生的发票需要重新开具，请尽快处理。\n", "gbk", "gb2312", "base64")
tw = "您好：\n\n請問我的訂單什麼時候會寄出？我已經等了兩個星期了。\n\n陳小姐\n"
text_mail("charsets", "big5", b2047("訂單寄送問題", "big5"), tw, "big5", "big5", "base64")
ja = "お世話になっております。\n\n先日注文した商品がまだ届いておりません。\n確認をお願いいたします。\n\n山田\n"
text_mail("charsets", "iso2022jp", b2047("注文の件", "iso-2022-jp"), ja, "iso-2022-jp", "iso-2022-jp", "7bit")
de = "Sehr geehrte Damen und Herren,\n\nich möchte meine Bestellung stornieren. Die Größe passt nicht.\n\nMit freundlichen Grüßen\nJürgen Müller\n"
text_mail("charsets", "latin1", "=?iso-8859-1?Q?Stornierung_f=FCr_Bestellung?=", de, "iso-8859-1", "iso-8859-1",
          "quoted-printable")
# No charset declared: KOI8-R bytes (detector needed).
text_mail("charsets", "missing_charset_koi8r", "Zakaz", ru * 3, "koi8-r", None)
# Declared us-ascii but the body is UTF-8.
da = "Hej,\n\nJeg har ikke modtaget min pakke endnu. Kan I hjælpe? Ordrenummer 1042.\n\nVenlig hilsen\nSøren Ærø\n"
text_mail("charsets", "ascii_declared_utf8_body", "Pakke mangler", da, "utf-8", "us-ascii")
# Declared utf-8 but windows-1251 bytes.
text_mail("charsets", "wrong_declared_utf8_is_cp1251", "Oplata", ru * 2, "windows-1251", "utf-8")
# Raw 8-bit UTF-8 header (no RFC 2047) and a Swedish subject in Q encoding.
write("charsets", "raw_utf8_header",
      head("Fråga om leverans – åäö", "Åsa Öberg <asa@example.se>",
           "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n")
      + "Hej!\n\nNär kommer min beställning?\n\nMvh Åsa\n")

# --- mime -----------------------------------------------------------------------------------
png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(range(64))).decode()
write("mime", "alternative_with_attachment_rfc2231", head(b2047("Faktura für März", "utf-8"), extra=
"""Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Hallo,

anbei die Rechnung f=C3=BCr M=C3=A4rz.

Gr=C3=BC=C3=9Fe
--alt
Content-Type: text/html; charset=utf-8

<html><body><p>Hallo,</p><p>anbei die Rechnung f&uuml;r M&auml;rz.</p></body></html>
--alt--

--outer
Content-Type: application/pdf
Content-Disposition: attachment;
 filename*0*=utf-8''Rechnung%20f%C3%BCr%20M%C3%A4rz%202024%20-%20Kundennummer%20;
 filename*1*=%20123456%20-%20sehr%20langer%20Name.pdf
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoK
--outer--
"""))
write("mime", "related_cid_image", head("Screenshot of the error", extra=
"""Content-Type: multipart/related; boundary="rel"

--rel
Content-Type: text/html; charset=utf-8

<html><body><p>The app shows this error:</p><img src="cid:shot1@example.org" alt="screenshot"><p>Thanks, Kim</p></body></html>
--rel
Content-Type: image/png; name="screenshot.png"
Content-ID: <shot1@example.org>
Content-Disposition: inline; filename="screenshot.png"
Content-Transfer-Encoding: base64

%s
--rel--
""" % png))
write("mime", "forwarded_rfc822", head("Fwd: Klage fra kunde", "Ole Hansen <ole@example.no>", extra=
"""Content-Type: multipart/mixed; boundary="fw"

--fw
Content-Type: text/plain; charset=utf-8

Se nedenfor, kan dere svare henne?
--fw
Content-Type: message/rfc822

From: Kari Nordmann <kari@example.no>
To: ole@example.no
Subject: =?utf-8?Q?Klage_p=C3=A5_levering?=
Date: Mon, 04 Mar 2024 09:00:00 +0100
Message-ID: <orig-1@example.no>
Content-Type: multipart/mixed; boundary="inner"

--inner
Content-Type: text/plain; charset=utf-8

Pakken kom ødelagt frem.
--inner
Content-Type: image/jpeg; name="=?utf-8?Q?=C3=B8delagt_pakke.jpg?="
Content-Disposition: attachment; filename="=?utf-8?Q?=C3=B8delagt_pakke.jpg?="
Content-Transfer-Encoding: base64

/9j/4AAQSkZJRgABAQ==
--inner--
--fw--
"""))
write("mime", "attached_rfc822", head("Videresendt som vedhæftning", extra=
"""Content-Type: multipart/mixed; boundary="a1"

--a1
Content-Type: text/plain; charset=utf-8

Den oprindelige mail er vedhæftet.
--a1
Content-Type: message/rfc822
Content-Disposition: attachment

From: a@example.dk
Subject: Gammel sag
Message-ID: <old@example.dk>

Tekst.
--a1--
"""))
write("mime", "mbox_crlf", ("From kunde@example.org Tue Mar  5 10:15:00 2024\n" + head("CRLF message", extra=
"Content-Type: text/plain; charset=utf-8\n\nLine one.\nLine two.\n")).replace("\n", "\r\n"))

# --- html -----------------------------------------------------------------------------------
write("html", "html_only_hostile", head("Your account", "Phish <bad@example.net>", extra=
"""Content-Type: text/html; charset=windows-1252
Content-Transfer-Encoding: quoted-printable

<html><head><title>x</title><style>p{color:red}</style><script>alert(1)</script></head>
<body onload=3D"steal()"><h1>Account notice</h1>
<p>Dear customer,<br>please <a href=3D"javascript:alert(1)" onclick=3D"x()">click here</a> or visit
<a href=3D"https://example.net/login">https://example.net/login</a> or
<a href=3D"https://example.net/help">our help pages</a>.</p>
<ul><li>First item</li><li>Second &amp; last</li></ul>
<ol><li>Step one</li><li>Step two</li></ol>
<table><tr><td>Order</td><td>4711</td></tr><tr><td>Total</td><td>99 =80</td></tr></table>
<iframe src=3D"https://evil.example/"></iframe><form action=3D"x"><input name=3D"pw"></form>
<img src=3D"data:image/png;base64,iVBORw0KGgo=3D" alt=3D"logo"><img src=3D"data:text/html;base64,PHNjcmlwdD4=3D">
</body></html>
"""))
write("html", "html_gmail_quote", head("Re: Refund", "Lena <lena@example.se>", extra=
"""Content-Type: text/html; charset=utf-8

<div dir="ltr">Tack, det fungerar nu!<br></div><br><div class="gmail_quote"><div class="gmail_attr">Den tis 5 mars 2024 kl 10:00 skrev Support &lt;support@svar.example&gt;:<br></div><blockquote class="gmail_quote" style="margin:0px">Hej Lena,<br>vi har återbetalat beloppet.<br></blockquote></div>
"""))

# --- quotes ---------------------------------------------------------------------------------
def reply(name, subject, body, frm="Kunde <kunde@example.org>"):
    write("quotes", name, head(subject, frm, "Content-Type: text/plain; charset=utf-8\n"
                               "Content-Transfer-Encoding: 8bit\nIn-Reply-To: <t1@svar.example>\n"
                               "References: <t0@svar.example> <t1@svar.example>\n\n") + body)

reply("en_gmail", "Re: Order 1042", "Thanks, that solved it.\n\nOn Tue, Mar 5, 2024 at 10:00 AM Support <support@svar.example>\nwrote:\n\n> Hi,\n> please restart the app.\n")
reply("da_outlook_signature", "SV: Ordre 1042", "Hej\n\nTak for hjælpen.\n\n-- \nSøren Ærø\nTlf. 12 34 56 78\n\n-----Oprindelig meddelelse-----\nFra: Support <support@svar.example>\nSendt: 5. marts 2024 10:00\nTil: Søren\nEmne: Ordre 1042\n\nHej Søren, ...\n")
reply("sv_gmail", "Sv: Retur", "Jag skickar tillbaka varan i morgon.\n\nSkickat från min iPhone\n\nDen 5 mars 2024 kl. 10:00 skrev Support <support@svar.example>:\n\n> Hej, skicka varan till oss.\n")
reply("nb_mobile", "Re: Faktura", "Det stemmer, takk.\n\nSendt fra min iPhone\n\n> 5. mar. 2024 kl. 10:00 skrev Support <support@svar.example>:\n>\n> Fakturaen er sendt.\n")
reply("ru_reply", "Re: Заказ", "Спасибо, всё получил.\n\n5 марта 2024 г., в 10:00, Служба поддержки <support@svar.example> написал(а):\n> Ваш заказ отправлен.\n")
reply("zh_reply", "回复：订单", "好的，谢谢！\n\n在 2024年3月5日 10:00，客服 <support@svar.example> 写道：\n> 您的订单已发货。\n")
reply("de_outlook", "AW: Lieferung", "Vielen Dank!\n\n-----Ursprüngliche Nachricht-----\nVon: Support <support@svar.example>\nGesendet: Dienstag, 5. März 2024 10:00\nAn: Kunde\nBetreff: Lieferung\n\nIhre Lieferung ist unterwegs.\n")
reply("en_outlook_underscores", "RE: Ticket", "Still broken, see attached log.\n\n________________________________\nFrom: Support <support@svar.example>\nSent: Tuesday, March 5, 2024 10:00 AM\nTo: Customer\nSubject: Ticket\n\nDid the update help?\n")
reply("en_bottom_post", "Re: Question", "> Can you send the serial number?\n\nIt is SN-88231.\n\n-- \nPat\n")

# --- bounces --------------------------------------------------------------------------------
write("mime", "bounce_dsn_postfix", """Return-Path: <>
From: MAILER-DAEMON@mx.svar.example (Mail Delivery System)
To: support@svar.example
Subject: Undelivered Mail Returned to Sender
Date: Tue, 05 Mar 2024 10:20:00 +0100
Message-ID: <bounce-1@mx.svar.example>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

--dsn
Content-Type: text/plain; charset=us-ascii

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<nobody@example.com>: host mx.example.com said: 550 5.1.1 User unknown
--dsn
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.svar.example
Arrival-Date: Tue,  5 Mar 2024 10:19:58 +0100

Final-Recipient: rfc822; nobody@example.com
Original-Recipient: rfc822;nobody@example.com
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.example.com
Diagnostic-Code: smtp; 550 5.1.1 User unknown
--dsn
Content-Type: message/rfc822

From: support@svar.example
To: nobody@example.com
Subject: [#SV-1042] Your order
Message-ID: <reply-1042-1@svar.example>

Hello.
--dsn--
""")
write("mime", "bounce_qmail_failure", """From: MAILER-DAEMON@mail.example.net
To: support@svar.example
Subject: failure notice
Message-ID: <qm-1@mail.example.net>

Hi. This is the qmail-send program at mail.example.net.
I'm afraid I wasn't able to deliver your message to the following addresses.

<gone@example.net>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

From: support@svar.example
Subject: [#SV-7] Hello
Message-ID: <reply-7@svar.example>

Hello.
""")
