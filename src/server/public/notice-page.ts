/**
 * The public notice page (issue 14), plain server-rendered HTML: readable on
 * any phone without JavaScript, printable, in Vietnamese. Every piece of
 * text that comes from the database or a resident goes through `esc`, so a
 * script in a comment is shown as text, never run. The only scripts are our
 * own files (the captcha widget, under the Content-Security-Policy's
 * 'self'); a browser without them still reads the whole notice.
 */
import { COMMENT_MARK_LABELS, COMMENT_MAX_CHARS, COMMENT_NAME_MAX, COMMENT_PHONE_MAX } from '../../core/notice/notice';
import { formatDate } from '../../core/text/date';
import { escapeHtml } from './html';
import type { PublicArea, PublicNoticeView } from '../../app/notice/public';

/** HTML-escapes text for an element or a quoted attribute. */
const esc = escapeHtml;

export const ALTCHA_BASE = '/niem-yet/altcha';

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#f6f7f9}
main{max-width:760px;margin:0 auto;padding:16px}
header{background:#fff;border-bottom:3px solid #c8102e;padding:16px}
header p{margin:0;color:#555;font-size:14px}
h1{font-size:22px;margin:4px 0 8px;line-height:1.3}
h2{font-size:19px;margin:0 0 4px}
.period{background:#fff8e1;border:1px solid #f0d78a;border-radius:8px;padding:10px 12px;margin:12px 0}
.area{background:#fff;border:1px solid #dde1e6;border-radius:10px;padding:14px;margin:16px 0}
.muted{color:#5c6370;font-size:14px}
caption{text-align:left;padding-bottom:4px}
table{width:100%;border-collapse:collapse;margin:10px 0;font-size:14px}
th,td{border:1px solid #dde1e6;padding:6px;text-align:left;vertical-align:top}
th{background:#f0f2f5}
td.n{text-align:center;white-space:nowrap}
.ok{color:#1b7a36;font-weight:600}.no{color:#b3261e;font-weight:600}
.comment{border-left:3px solid #9aa5b1;padding:4px 10px;margin:8px 0;white-space:pre-wrap;overflow-wrap:anywhere}
.answer{border-left:3px solid #1b7a36;margin-left:12px;padding:2px 10px;font-size:14px}
details{margin-top:10px}
summary{cursor:pointer;font-weight:600;color:#0b57d0;padding:6px 0}
label{display:block;font-weight:600;margin:10px 0 4px}
textarea,input[type=text],input[type=tel]{width:100%;font:inherit;padding:8px;border:1px solid #9aa5b1;border-radius:6px}
textarea{min-height:120px}
button{font:inherit;font-weight:600;background:#c8102e;color:#fff;border:0;border-radius:6px;padding:10px 18px;margin-top:12px}
.flash{background:#e7f5ea;border:1px solid #8cc79a;border-radius:8px;padding:10px 12px}
.error{background:#fdecea;border:1px solid #f1a39c;border-radius:8px;padding:10px 12px}
altcha-widget{display:block;margin-top:12px}
@media print{details,.flash,.error{display:none}body{background:#fff}.area{break-inside:avoid}}
`;

const fraction = (r: { passed: number; applicable: number; ok: boolean } | null) =>
  r ? `<span class="${r.ok ? 'ok' : 'no'}">${r.passed}/${r.applicable}</span>` : '—';
const verdictWord = (v: boolean | null) => (v === null ? 'chưa có' : v ? '<span class="ok">Đạt</span>' : '<span class="no">Chưa đạt</span>');

function areaBlock(
  noticeId: number,
  a: PublicArea,
  open: boolean,
  flash: { area: number; held: boolean } | null,
  error: { area: number; message: string } | null,
): string {
  const rows = a.sections.map((s) => `<tr><td>${esc(s.title)}</td><td class="n">${fraction(s.self)}</td><td class="n">${fraction(s.board)}</td></tr>`).join('');
  const comments = a.comments.length
    ? a.comments
        .map(
          (c) =>
            `<div class="comment">${esc(c.body)}<div class="muted">Ngày ${esc(formatDate(c.at))}</div>${
              c.mark ? `<div class="answer"><b>${esc(COMMENT_MARK_LABELS[c.mark])}:</b> ${esc(c.answer)}</div>` : ''
            }</div>`,
        )
        .join('')
    : '<p class="muted">Chưa có ý kiến nào được công khai.</p>';
  const sent =
    flash?.area === a.registrationId
      ? `<p class="flash" role="status">${
          flash.held
            ? 'Đã nhận ý kiến của bạn. Ý kiến có đường dẫn hoặc số điện thoại nên không đăng công khai; ban thẩm định vẫn xem và trả lời.'
            : 'Đã nhận ý kiến của bạn. Cảm ơn bạn đã góp ý.'
        }</p>`
      : '';
  const failed = error?.area === a.registrationId ? `<p class="error" role="alert">${esc(error.message)}</p>` : '';
  const form = open
    ? `<details${failed ? ' open' : ''}><summary>Gửi ý kiến về ${esc(a.name)}</summary>
<form method="post" action="/niem-yet/${noticeId}/y-kien#kdc-${a.registrationId}" accept-charset="utf-8">
<input type="hidden" name="registrationId" value="${a.registrationId}">
<label for="body-${a.registrationId}">Ý kiến của bạn</label>
<textarea id="body-${a.registrationId}" name="body" required maxlength="${COMMENT_MAX_CHARS}"></textarea>
<label for="name-${a.registrationId}">Họ và tên (không bắt buộc, không công khai)</label>
<input type="text" id="name-${a.registrationId}" name="name" maxlength="${COMMENT_NAME_MAX}" autocomplete="name">
<label for="phone-${a.registrationId}">Số điện thoại (không bắt buộc, không công khai)</label>
<input type="tel" id="phone-${a.registrationId}" name="phone" maxlength="${COMMENT_PHONE_MAX}" autocomplete="tel">
<altcha-widget challenge="${ALTCHA_BASE}/challenge" language="vi" name="altcha" hidelogo hidefooter></altcha-widget>
<noscript><p class="muted">Cần bật JavaScript để xác minh chống thư rác trước khi gửi.</p></noscript>
<button type="submit">Gửi ý kiến</button>
</form></details>`
    : '';
  return `<section class="area" id="kdc-${a.registrationId}">
<h2>${esc(a.name)}</h2>
<p class="muted">Đề nghị công nhận: ${esc(a.titleName ?? 'danh hiệu')} · Tự đánh giá: ${verdictWord(a.selfRecognized)} · Ban thẩm định: ${verdictWord(a.boardRecognized)}</p>
<table><caption class="muted">Số tiêu chí đạt trên số tiêu chí áp dụng</caption><thead><tr><th>Tiêu chuẩn</th><th>Tự đánh giá</th><th>Thẩm định</th></tr></thead><tbody>${rows}</tbody></table>
<h3 class="muted">Ý kiến của Nhân dân</h3>
${comments}${sent}${failed}${form}
</section>`;
}

export interface PageState {
  flash?: { area: number; held: boolean } | null;
  error?: { area: number; message: string } | null;
}

export function renderNoticePage(view: PublicNoticeView, state: PageState = {}): string {
  const open = view.state === 'open';
  const period = `Thời gian niêm yết: từ ngày ${formatDate(view.startsOn)} đến hết ngày ${formatDate(view.endsOn)}.`;
  const status =
    view.state === 'open'
      ? 'Mời Nhân dân góp ý kiến về các khu dân cư dưới đây.'
      : view.state === 'ended'
        ? 'Thời hạn lấy ý kiến đã kết thúc.'
        : 'Chưa đến thời gian lấy ý kiến.';
  const scripts = open
    ? `<link rel="stylesheet" href="${ALTCHA_BASE}/altcha.css">
<script type="module" src="${ALTCHA_BASE}/altcha.js"></script>
<script type="module" src="${ALTCHA_BASE}/vi.js"></script>
<script type="module" src="${ALTCHA_BASE}/setup.js"></script>`
    : '';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Niêm yết công khai: ${esc(view.communeName)} năm ${view.year}</title>
<style>${STYLE}</style>
${scripts}
</head>
<body>
<header><p>${esc(view.programName)}</p>
<h1>Niêm yết công khai danh sách khu dân cư đề nghị công nhận năm ${view.year}: ${esc(view.communeName)}</h1></header>
<main>
<p class="period"><b>${period}</b><br>${status}</p>
<p class="muted">Theo Nghị định 86/2023/NĐ-CP, danh sách được niêm yết công khai để lấy ý kiến Nhân dân trước khi ra quyết định công nhận. Họ tên và số điện thoại người góp ý không được công khai.</p>
${view.areas.map((a) => areaBlock(view.id, a, open, state.flash ?? null, state.error ?? null)).join('\n')}
</main>
</body>
</html>`;
}
