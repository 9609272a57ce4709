export default defineBackground(() => {
  // placeholder, replaced below
});
