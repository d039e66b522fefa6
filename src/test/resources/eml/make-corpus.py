import base64, quopri
def w(name, data):
    if isinstance(data, str): data = data.encode('ascii')
    open(name,'wb').write(data.replace(b'\r\n', b'\n').replace(b'\n', b'\r\n'))
def b64(s, cs): return base64.b64encode(s.encode(cs)).decode()
def ew(s, cs): return '=?%s?B?%s?=' % (cs, b64(s, cs))
NL = "\n"
qp1 = quopri.encodestring(("Здравствуйте!" + NL + "При оплате выдаёт ошибку 500." + NL + "--" + NL + "Анна").encode("utf-8")).decode()
name1 = ew("Анна Петрова","UTF-8")
subj1 = ew("Не работает корзина на сайте","UTF-8")
w('gmail-utf8-plain.eml', f'''Return-Path: <anna@client.example>
From: {name1} <Anna@Client.example>
To: support@tidesk.local
Subject: {subj1}
Date: Mon, 03 Mar 2025 10:00:00 +0300
Message-ID: <CAF+gmail-1@mail.gmail.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{qp1}
''')

koi = "Привет из KOI8-R: ёлка и щи"
w('thebat-koi8r.eml', b'From: ivan@client.example\nTo: support@tidesk.local\nSubject: ' + ew("Тема в KOI8-R","KOI8-R").encode() + b'''
Message-ID: <koi8r-1@thebat.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=koi8-r
Content-Transfer-Encoding: 8bit
X-Mailer: The Bat! (v9.1)

''' + koi.encode('koi8-r') + b'\n')

html = '<html><body><p>Письмо в <b>windows-1251</b></p><script>alert(1)</script><img src="https://tracker.example/p.gif"><a href="https://x.example" onclick="evil()">ссылка</a></body></html>'
qsubj = quopri.encodestring("Счёт за март".encode("cp1251"), header=True).decode()
t1 = b64("Письмо в windows-1251","cp1251")
h1 = b64(html,"cp1251")
w('outlook-cp1251-alternative.eml', f'''From: "Outlook User" <olga@client.example>
To: support@tidesk.local
Subject: =?windows-1251?Q?{qsubj}?=
Message-ID: <outlook-1@client.example>
MIME-Version: 1.0
X-Mailer: Microsoft Outlook 16.0
Content-Type: multipart/alternative; boundary="ALT"

--ALT
Content-Type: text/plain; charset="windows-1251"
Content-Transfer-Encoding: base64

{t1}
--ALT
Content-Type: text/html; charset="windows-1251"
Content-Transfer-Encoding: base64

{h1}
--ALT--
''')

w('iso8859-5.eml', b'From: petr@client.example\nTo: support@tidesk.local\nSubject: iso-8859-5\nMessage-ID: <iso5-1@client.example>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=ISO-8859-5\nContent-Transfer-Encoding: 8bit\n\n' + "Текст в ISO-8859-5".encode('iso-8859-5') + b'\n')

pdf = base64.b64encode(b'%PDF-1.4 fake').decode()
smeta = ew("Смета.xlsx","UTF-8")
xl = base64.b64encode(b"xlsx-bytes").decode()
w('thunderbird-attachments.eml', f'''From: Boris <boris@client.example>
To: support@tidesk.local
Subject: Files
Message-ID: <tb-1@client.example>
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Content-Type: multipart/mixed; boundary="MIX"

--MIX
Content-Type: text/plain; charset=UTF-8; format=flowed

See the files.
--MIX
Content-Type: application/pdf
Content-Disposition: attachment; filename*=UTF-8''%D0%94%D0%BE%D0%B3%D0%BE%D0%B2%D0%BE%D1%80%20%E2%84%965.pdf
Content-Transfer-Encoding: base64

{pdf}
--MIX
Content-Type: application/octet-stream; name="{smeta}"
Content-Disposition: attachment; filename="{smeta}"
Content-Transfer-Encoding: base64

{xl}
--MIX--
''')

png = base64.b64encode(bytes.fromhex('89504e470d0a1a0a0000000d49484452')).decode()
w('apple-related-cid.eml', f'''From: Mac User <mac@client.example>
To: support@tidesk.local
Subject: Screenshot
Message-ID: <apple-1@client.example>
MIME-Version: 1.0
X-Mailer: Apple Mail (2.3774)
Content-Type: multipart/alternative; boundary="A1"

--A1
Content-Type: text/plain; charset=us-ascii

Look at this
--A1
Content-Type: multipart/related; boundary="R1"; type="text/html"

--R1
Content-Type: text/html; charset=us-ascii

<html><body>Look at this <img src="cid:shot@apple"></body></html>
--R1
Content-Type: image/png; name="shot.png"
Content-Disposition: inline; filename="shot.png"
Content-ID: <shot@apple>
Content-Transfer-Encoding: base64

{png}
--R1--
--A1--
''')

inner = ew("Исходное письмо","UTF-8")
w('nested-forward.eml', f'''From: fwd@client.example
To: support@tidesk.local
Subject: Fwd: original problem
Message-ID: <nested-1@client.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="OUT"

--OUT
Content-Type: text/plain; charset=utf-8

Forwarding the client's mail.
--OUT
Content-Type: message/rfc822

From: deep@client.example
Subject: {inner}
Message-ID: <inner-1@client.example>
Content-Type: multipart/mixed; boundary="IN"

--IN
Content-Type: text/plain; charset=utf-8

inner text
--IN
Content-Type: text/plain; name="log.txt"
Content-Disposition: attachment; filename="log.txt"

log line
--IN--
--OUT--
''')

w('broken-encodings.eml', b'''From: broken@client.example
To: support@tidesk.local
Subject: =?x-unknown-charset?B?SGVsbG8=?= and =?utf-8?B?###?=
Message-ID: <broken-1@client.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="B"

--B
Content-Type: text/plain; charset=x-no-such-charset
Content-Transfer-Encoding: base64

0J/RgNC40LLQtdGC!!!@@@
--B
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

''' + "Это cp1251 под видом utf-8".encode('cp1251') + b'''
--B
Content-Type: application/octet-stream; name="bad.bin"
Content-Transfer-Encoding: base64

%%%not base64%%%
''')

w('raw-8bit-subject.eml', b'From: old@client.example\nTo: support@tidesk.local\nSubject: ' + "Тема без кодирования".encode('cp1251') + b'\nMessage-ID: <raw8-1@client.example>\nContent-Type: text/plain; charset=windows-1251\n\n' + "Тело".encode('cp1251') + b'\n')

w('no-message-id.eml', 'From: nomid@client.example\nTo: support@tidesk.local\nSubject: no id\n\nbody\n')

w('dsn-bounce.eml', '''Return-Path: <>
From: Mail Delivery System <MAILER-DAEMON@mx.client.example>
To: support@tidesk.local
Subject: Undelivered Mail Returned to Sender
Message-ID: <dsn-1@mx.client.example>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="D"

--D
Content-Type: text/plain

This is the mail system. Your message could not be delivered.
--D
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.client.example

Final-Recipient: rfc822; gone@client.example
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 User unknown
--D
Content-Type: message/rfc822

From: support@tidesk.local
To: gone@client.example
Subject: [TID-1] Your request is registered
Message-ID: {{ORIGINAL}}

text
--D--
''')

w('outlook-reply-quoted.eml', '''From: olga@client.example
To: support@tidesk.local
Subject: RE: [TID-1] New reply
Message-ID: <outlook-reply-1@client.example>
Content-Type: text/plain; charset=utf-8

Спасибо, всё работает.

С уважением,
Ольга

-----Original Message-----
From: Tidesk <support@tidesk.local>
Sent: Monday, March 3, 2025 10:00 AM
Subject: [TID-1] New reply

Old text
'''.encode('utf-8'))

w('gmail-reply-ru-quoted.eml', '''From: anna@client.example
To: support@tidesk.local
Subject: Re: [TID-1] New reply
Message-ID: <gmail-reply-1@client.example>
Content-Type: text/plain; charset=utf-8

Да, проверила.

пн, 3 мар. 2025 г. в 10:00, Tidesk <support@tidesk.local>:
> Старый текст
> ещё
'''.encode('utf-8'))
