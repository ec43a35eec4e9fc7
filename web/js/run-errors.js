/*
 * How a run's error event reads in Korean, for both widgets (widget.js, sk-widget.js): the title per error code,
 * which errors pressing Run again later is the remedy for, and the banner's title once a restarted server is back.
 */
export const ERROR_TITLES = {
  diverged: '훈련이 발산했습니다',
  timeout: '시간 제한을 넘었습니다',
  too_expensive: '계산량이 예산을 넘습니다',
  busy: '서버가 지금 바쁩니다',
  shutting_down: '서버가 다시 시작되는 중입니다',
  invalid_config: '설정에 오류가 있습니다',
  rate_limited: '실행 요청이 너무 잦습니다',
  invalid_message: '서버가 요청을 이해하지 못했습니다'
};
export const RESTARTED = '서버가 다시 시작되었습니다 — 다시 실행';
/** Errors after which simply pressing Run again (a little later) is the remedy. */
export const RETRYABLE = ['busy', 'shutting_down', 'rate_limited'];
