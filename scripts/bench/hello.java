// The baseline for scripts/bench/post-vs-hello.sh: the smallest jbang script there is.
class hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
