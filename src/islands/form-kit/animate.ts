import { useRef } from 'preact/hooks';

/**
 * A ref for a list that animates its items with auto-animate, loaded only once such a list
 * is on screen: it is 3.3 KB gz that a form page needs only after an error or a suggestion
 * appears (the 20 KB budget of issue 6). auto-animate skips the motion when the reader
 * prefers reduced motion.
 */
export function useListAnimation<T extends HTMLElement>() {
  const animated = useRef<T | null>(null);
  return (element: T | null) => {
    if (!element || animated.current === element) return;
    animated.current = element;
    void import('@formkit/auto-animate').then(({ default: autoAnimate }) => autoAnimate(element));
  };
}
