"""Mail as mail readers and servers expect it: names, headers, wrapping, links, languages,
a sendmail command, and a test message that shows what the server said."""

from __future__ import annotations

import json
import re
import stat
import sys
from pathlib import Path

import pytest

from conftest import Route, email_config
from kurilwatch.cli import app

TRACKED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>t</title>
<item><title>Russia and Japan to discuss joint projects on the Southern Kurils and the
Northern Territories next week in Tokyo</title>
<link>https://news.example/kurils/1?utm_source=rss&amp;utm_medium=feed&amp;id=7</link>
<guid>kurils-1</guid><pubDate>%%RFC-2h%%</pubDate>
<description>Officials of the two countries will meet in Tokyo on Friday to discuss joint
economic activity on the southern Kuril Islands, including aquaculture, greenhouse farming,
tourism and wind power, the Japanese foreign ministry said on Monday.</description></item>
</channel></rss>"""

RUSSIAN = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>r</title>
<item><title>На Итурупе открылся новый аэровокзал</title>
<link>https://ru.example/iturup/2?fbclid=abc</link><guid>ru-2</guid>
<pubDate>%%RFC-1h%%</pubDate>
<description>Новый терминал аэропорта Итуруп рассчитан на 200 пассажиров в час.</description>
</item></channel></rss>""".encode()


def _config(env, feed_server, email: str) -> None:
    feed_server.routes["/en.xml"] = Route(body=TRACKED)
    feed_server.routes["/ru.xml"] = Route(body=RUSSIAN)
    env["config"].write_text(
        f'[[feeds]]\nname = "en"\nurl = "{feed_server.url("/en.xml")}"\nlang = "en"\n\n'
        f'[[feeds]]\nname = "ru"\nurl = "{feed_server.url("/ru.xml")}"\nlang = "ru"\n' + email,
        encoding="utf-8",
    )


NAMED = (
    '\n[email]\nsmtp_host = "127.0.0.1"\nsmtp_port = {port}\nsecurity = "none"\n'
    'from = "Kuril news <kw@example.org>"\nto = ["Курильский стол <desk@example.org>"]\n'
    'subject = "[kurils] {{summary}} ({{date}})"\ntimeout = 2\n'
)


def test_names_headers_subject_template_links_and_languages(runner, env, feed_server, mail_sink):
    _config(env, feed_server, NAMED.format(port=mail_sink.port))
    assert runner.invoke(app, ["fetch", "--quiet"]).exit_code == 0
    result = runner.invoke(app, ["digest", "--email"])
    assert result.exit_code == 0, result.output
    envelope = mail_sink.messages[0]
    assert envelope.mail_from == "kw@example.org"  # the bare address in the envelope
    assert envelope.rcpt_tos == ["desk@example.org"]
    message = mail_sink.parsed()[0]
    assert message["From"].addresses[0].display_name == "Kuril news"
    assert message["To"].addresses[0].display_name == "Курильский стол"
    assert re.fullmatch(
        r"\[kurils\] 2 new items on the Kuril Islands \(\d{4}-\d\d-\d\d\)", message["Subject"]
    )
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["List-Id"] == "kurilwatch digest <kurilwatch.example.org>"
    assert message["Message-ID"].endswith("@example.org>") and message["Date"]

    text = message.get_body(preferencelist=("plain",)).get_content()
    lines = text.splitlines()
    assert all(len(line) <= 72 for line in lines if " " in line.strip()), text
    assert "  https://news.example/kurils/1?id=7" in lines  # canonical, and whole
    assert "Northern Territories next week" in " ".join(text.split())

    html = message.get_body(preferencelist=("html",)).get_content()
    assert '<html lang="en">' in html
    assert re.search(
        r'<h2 lang="en"><a href="https://news.example/kurils/1\?id=7">Russia and Japan', html
    )
    assert '<h2 lang="ru"><a href="https://ru.example/iturup/2">На Итурупе' in html
    assert "utm_" not in html and "fbclid" not in html
    assert '<ul lang="ru"><li>Новый терминал' in html

    # A display name is not a new list of recipients: nothing is sent again.
    again = NAMED.format(port=mail_sink.port).replace("Курильский стол", "Desk")
    _config(env, feed_server, again)
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 3
    assert len(mail_sink.messages) == 1


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ('from = "Bcc: x@example.org"', "email.from 'Bcc: x@example.org' is not an e-mail"),
        ('from = "a@example.org, b@example.org"', "is not an e-mail address"),
        ('to = ["Desk <desk@example.org> other@example.org"]', "is not an e-mail address"),
        ('subject = "{title}"', "email.subject: unknown field {title} (known: {summary},"),
        ('subject = "{count"', "email.subject '{count'"),
        ('transport = "carrier-pigeon"', 'email.transport must be "smtp" or "sendmail"'),
    ],
)
def test_bad_mail_settings_are_one_line_and_exit_2(runner, env, setting, expected):
    env["config"].write_text(f"[email]\n{setting}\n", encoding="utf-8")
    result = runner.invoke(app, ["digest"])
    assert result.exit_code == 2
    assert expected in result.output and len(result.output.strip().splitlines()) == 1


STUB = """#!{python}
# A sendmail-compatible stub: records its arguments and the message, answers like msmtp.
import json, sys
from pathlib import Path
here = Path(__file__).parent
message = sys.stdin.buffer.read()
if (here / "fail").exists():
    sys.stderr.write("msmtp: cannot connect to smtp.example.org, port 587: Connection refused\\n")
    sys.stderr.write("msmtp: could not send mail (account default from /etc/msmtprc)\\n")
    sys.exit(75)
count = len(list(here.glob("sent-*.eml")))
(here / f"sent-{{count}}.eml").write_bytes(message)
(here / f"argv-{{count}}.json").write_text(json.dumps(sys.argv[1:]))
print("queued as 4F2A1")
"""


@pytest.fixture
def sendmail(tmp_path: Path) -> Path:
    folder = tmp_path / "sendmail"
    folder.mkdir()
    stub = folder / "fake-msmtp"
    stub.write_text(STUB.format(python=sys.executable))
    stub.chmod(stub.stat().st_mode | stat.S_IXUSR)
    return stub


def _sendmail_config(stub: Path) -> str:
    return (
        f'\n[email]\ntransport = "sendmail"\nsendmail = "{stub} -a work"\n'
        'from = "Kuril news <kw@example.org>"\nto = ["analyst@example.org", "desk@example.org"]\n'
        "timeout = 10\n"
    )


def test_sendmail_transport_hands_the_message_to_the_command(runner, env, feed_server, sendmail):
    import email
    import email.policy

    _config(env, feed_server, _sendmail_config(sendmail))
    assert runner.invoke(app, ["fetch", "--quiet"]).exit_code == 0
    (sendmail.parent / "fail").touch()
    failed = runner.invoke(app, ["digest", "--email"])
    assert failed.exit_code == 1
    assert failed.output.strip() == (
        f"Error: {sendmail} exited with status 75: msmtp: could not send mail "
        "(account default from /etc/msmtprc)"
    )
    (sendmail.parent / "fail").unlink()
    sent = runner.invoke(app, ["digest", "--email"])  # the items stayed pending
    assert sent.exit_code == 0, sent.output
    argv = json.loads((sendmail.parent / "argv-0.json").read_text())
    assert argv == [
        "-a",
        "work",
        "-i",
        "-f",
        "kw@example.org",
        "--",
        "analyst@example.org",
        "desk@example.org",
    ]
    message = email.message_from_bytes(
        (sendmail.parent / "sent-0.eml").read_bytes(), policy=email.policy.default
    )
    assert message["Subject"] == "kurilwatch: 2 new items on the Kuril Islands"
    assert message["Auto-Submitted"] == "auto-generated"
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 3  # marked: never twice
    assert not (sendmail.parent / "sent-1.eml").exists()


def test_sendmail_that_is_missing_is_one_line(runner, env, feed_server, tmp_path):
    _config(env, feed_server, _sendmail_config(tmp_path / "no-such-sendmail"))
    assert runner.invoke(app, ["fetch", "--quiet"]).exit_code == 0
    result = runner.invoke(app, ["digest", "--email"])
    assert result.exit_code == 1
    assert "no such command (email.sendmail)" in result.output


def test_test_email_shows_what_the_server_said(runner, env, mail_sink, monkeypatch):
    env["config"].write_text(email_config(mail_sink.port, 'username = "kw"\n'))
    mail_sink.password = "s3cret-pass"
    monkeypatch.setenv("KURILWATCH_SMTP_PASSWORD", "s3cret-pass")
    result = runner.invoke(app, ["test-email"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        f"Test message to analyst@example.org accepted by 127.0.0.1:{mail_sink.port}, which said:"
    )
    said = [line.strip() for line in lines[1:]]
    assert said[0].startswith("connect: 220 ")
    assert any(line.startswith("EHLO: 250") for line in said)
    assert "AUTH: 235 2.7.0 Authentication successful" in said
    assert "MAIL: 250 OK" in said and "RCPT: 250 OK" in said
    assert said[-2:] == ["DATA: 354 End data with <CR><LF>.<CR><LF>", "DATA: 250 OK"]
    # Every line is a verb and its reply: AUTH's credentials are never shown, nor base64'd.
    assert all(re.match(r"(connect|EHLO|AUTH|MAIL|RCPT|DATA): \d{3}", line) for line in said)
    assert "s3cret" not in result.output
    message = mail_sink.parsed()[0]
    assert message["Subject"] == "kurilwatch: test message"
    assert not env["db"].exists()  # a test message needs no database and makes none

    mail_sink.reply = "451 4.3.0 Temporary failure, try later"
    refused = runner.invoke(app, ["test-email", "--to", "Desk <desk@example.org>"])
    assert refused.exit_code == 1
    assert refused.output.strip() == (
        f"Error: 127.0.0.1:{mail_sink.port} answered 451 4.3.0 Temporary failure, try later"
    )


def test_test_email_through_sendmail_shows_its_output(runner, env, sendmail):
    env["config"].write_text(_sendmail_config(sendmail))
    result = runner.invoke(app, ["test-email"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"Test message to analyst@example.org, desk@example.org accepted by {sendmail}, "
        "which said:",
        "  queued as 4F2A1",
    ]
