/**
 * How long a page of a list may be, shared by the server that cuts it and
 * the screens that ask for it (issue 15: lists are paginated, so a province's
 * thousands of areas are never sent whole to a phone).
 */
export const AREA_PAGE_MAX = 1000;
export const AREA_PAGE_DEFAULT = 200;
/** Rows per page on the review screen: a phone screen's worth or two. */
export const REVIEW_PAGE_SIZE = 50;
