/**
 * The public verification page, rendered on the server as plain HTML: no
 * script, one inline style sheet (allowed by the CSP's style-src), readable
 * on the smallest phone, printable. Every value from the database goes
 * through `escape`; nothing is trusted because an officer typed it.
 */
import { formatDate } from '../core/text/date';
import { formatVerifyCode } from '../core/verify/code';
import { escapeHtml } from './public/html';
import type { DecisionRef, Verified, VerifiedCertificate, VerifiedDecision } from '../app/public/verify';

const escape = escapeHtml;

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#f4f4f2}
main{max-width:40rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}
.site{margin:0 0 .5rem;color:#555;font-size:.9rem}
h1{font-size:1.4rem;margin:.25rem 0 1rem;line-height:1.3}
.status{border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem;font-weight:600;border:2px solid}
.status p{margin:.25rem 0 0;font-weight:400}
.ok{background:#e8f5e9;border-color:#2e7d32;color:#1b5e20}
.revoked{background:#fdecea;border-color:#c62828;color:#8e0000;font-size:1.15rem}
.missing{background:#fff4e5;border-color:#b26a00;color:#663c00}
dl{margin:0 0 1rem}
dt{color:#555;font-size:.9rem;margin-top:.6rem}
dd{margin:0;font-weight:600;overflow-wrap:anywhere}
ol{padding-left:1.5rem}
li{margin:.3rem 0}
.gone{color:#8e0000;font-weight:600}
.code{font-family:ui-monospace,Menlo,Consolas,monospace;letter-spacing:.05em}
.note{color:#444;font-size:.95rem}
form{margin-top:1.5rem;padding-top:1rem;border-top:1px solid #ddd}
label{display:block;margin-bottom:.3rem}
input{font:inherit;padding:.5rem;width:100%;max-width:16rem;border:1px solid #888;border-radius:4px;text-transform:uppercase}
input::placeholder{text-transform:none}
button{font:inherit;padding:.5rem 1rem;margin-top:.5rem;border:0;border-radius:4px;background:#1565c0;color:#fff}
@media print{body{background:#fff}main{min-height:0}form{display:none}}
`;

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escape(title)} – KDC</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="site">Hệ thống KDC · Xác minh giấy công nhận, quyết định công nhận khu dân cư</p>
${content}
<form action="/xac-minh" method="get">
<label for="ma">Tra một mã xác minh khác (10 ký tự in trên giấy):</label>
<input id="ma" name="ma" maxlength="40" autocomplete="off" autocapitalize="characters" spellcheck="false" placeholder="Ví dụ: 7KQ2M-XC91D" required>
<br><button type="submit">Tra cứu</button>
</form>
</main>
</body>
</html>
`;
}

const row = (label: string, value: string | null | undefined) => (value ? `<dt>${escape(label)}</dt><dd>${escape(value)}</dd>` : '');

/** "Quyết định số 12/QĐ-UBND ngày 18/11/2024 của Ủy ban nhân dân phường Tân Phong". */
function decisionWords(d: DecisionRef): string {
  const parts = [d.number ? `Quyết định số ${d.number}` : 'Quyết định', d.date ? `ngày ${formatDate(d.date)}` : null, d.issuer ? `của ${d.issuer}` : null];
  return parts.filter(Boolean).join(' ');
}

function certificatePage(v: VerifiedCertificate): string {
  const status = v.revoked
    ? `<div class="status revoked" role="alert">Danh hiệu đã bị thu hồi<p>Thu hồi theo ${escape(decisionWords(v.revoked))}. Giấy công nhận này không còn giá trị.</p></div>`
    : `<div class="status ok">Giấy công nhận có trong hồ sơ, danh hiệu còn hiệu lực<p>Hãy đối chiếu từng dòng dưới đây với giấy bạn đang xem.</p></div>`;
  const granted = v.decision.number || v.decision.date ? decisionWords(v.decision) : 'Theo hồ sơ công nhận lưu trước khi dùng hệ thống KDC';
  return page(
    `Xác minh giấy công nhận ${v.areaName}`,
    `<h1>Xác minh giấy công nhận</h1>
${status}
<dl>
${row('Khu dân cư', v.areaName)}
${row(`Thuộc (năm ${v.year})`, v.place.join(', '))}
${row('Nay thuộc', v.placeNow?.join(', '))}
${row('Danh hiệu', v.titleName)}
${row('Năm', String(v.year))}
${row('Hình thức công nhận', v.statusLabel)}
${row('Phong trào', v.programName)}
${row('Công nhận theo', granted)}
<dt>Mã xác minh</dt><dd class="code">${escape(formatVerifyCode(v.code))}</dd>
</dl>
<p class="note">Nếu nội dung trên khác với giấy bạn đang xem, giấy đó có thể đã bị sửa hoặc làm giả; hãy liên hệ cơ quan ban hành.</p>`,
  );
}

function decisionPage(v: VerifiedDecision): string {
  const revoking = v.decisionKind === 'revoke';
  const gone = v.areas.filter((a) => a.revoked).length;
  const status = revoking
    ? `<div class="status ok">Quyết định thu hồi danh hiệu có trong hồ sơ<p>Các khu dân cư dưới đây không còn danh hiệu "${escape(v.titleName)}" năm ${v.year}.</p></div>`
    : `<div class="status ok">Quyết định có trong hồ sơ${
        gone ? `<p class="gone">${gone} khu dân cư trong quyết định này đã bị thu hồi danh hiệu sau đó (ghi rõ trong danh sách).</p>` : ''
      }</div>`;
  const areas = v.areas
    .map((a) => {
      const where = a.communeName ? ` – ${escape(a.communeName)}` : '';
      const revoked = !revoking && a.revoked ? ` <span class="gone">– Danh hiệu đã bị thu hồi theo ${escape(decisionWords(a.revoked))}</span>` : '';
      return `<li>${escape(a.areaName)}${where}${revoked}</li>`;
    })
    .join('\n');
  return page(
    `Xác minh quyết định số ${v.number}`,
    `<h1>Xác minh quyết định ${revoking ? 'thu hồi danh hiệu' : 'công nhận'}</h1>
${status}
<dl>
${row('Số quyết định', v.number)}
${row('Ngày ban hành', formatDate(v.date))}
${row('Cơ quan ban hành', v.issuer)}
${row('Danh hiệu', v.titleName)}
${row('Năm', String(v.year))}
${row('Phong trào', v.programName)}
<dt>Mã xác minh</dt><dd class="code">${escape(formatVerifyCode(v.code))}</dd>
</dl>
<h2>${revoking ? 'Khu dân cư bị thu hồi danh hiệu' : 'Khu dân cư được công nhận'} (${v.areas.length})</h2>
<ol>
${areas}
</ol>`,
  );
}

export function verifiedPage(v: Verified): string {
  return v.kind === 'certificate' ? certificatePage(v) : decisionPage(v);
}

/**
 * Shown for any code that names nothing issued: the same words whatever the reason, so nothing leaks. The
 * code is echoed only as letters, digits and dashes, at most 20, so a crafted address cannot make the page say
 * anything else ("gọi số … để nhận thưởng").
 */
export function notFoundMessage(input: string): string {
  const shown = input.replace(/[^0-9A-Za-z-]/g, '').slice(0, 20);
  return `Không tìm thấy giấy công nhận hoặc quyết định với mã ${shown ? `"${shown}"` : 'đã nhập'}. Hãy kiểm tra lại mã in trên giấy.`;
}

export function notFoundPage(input: string): string {
  return page(
    'Không tìm thấy',
    `<h1>Không tìm thấy</h1>
<div class="status missing" role="alert">${escape(notFoundMessage(input))}<p>Mã xác minh gồm 10 ký tự (chữ và số), ví dụ 7KQ2M-XC91D. Nếu mã đã đúng mà vẫn không tìm thấy, giấy có thể đã bị sửa hoặc làm giả; hãy liên hệ cơ quan ban hành.</p></div>`,
  );
}

export function lookupPage(): string {
  return page(
    'Xác minh giấy công nhận',
    `<h1>Xác minh giấy công nhận, quyết định</h1><p>Nhập mã xác minh in cạnh mã QR trên giấy công nhận hoặc quyết định.</p>`,
  );
}

export function tooManyPage(seconds: number): string {
  return page(
    'Quá nhiều lượt tra cứu',
    `<h1>Quá nhiều lượt tra cứu</h1><div class="status missing" role="alert">Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ${seconds} giây.</div>`,
  );
}
